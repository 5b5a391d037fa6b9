// Sample sessions made with the app (assets/samples), bundled as text so
// they open without touching the disk or the network.
import mixed from '../../assets/samples/mixed-partial.wavelength?raw';
import overstretched from '../../assets/samples/overstretched.wavelength?raw';
import warm from '../../assets/samples/warm-handover.wavelength?raw';

export interface Sample {
  /** i18n key under `start.samples`. */
  readonly key: 'overstretched' | 'warm' | 'mixed';
  readonly fileName: string;
  readonly text: string;
}

export const SAMPLES: readonly Sample[] = [
  { key: 'overstretched', fileName: 'overstretched.wavelength', text: overstretched },
  { key: 'warm', fileName: 'warm-handover.wavelength', text: warm },
  { key: 'mixed', fileName: 'mixed-partial.wavelength', text: mixed },
];
