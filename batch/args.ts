/**
 * The command line of the batch export, shared by `npm run export` and the
 * packaged app's `--export` flags:
 *
 *   npm run export -- <session.wavelength | folder>… --out <folder> [--lang de|en] [--paper a4|letter]
 *   Wavelength --export <session.wavelength | folder> --out <folder> [--lang de|en] [--paper a4|letter]
 *
 * Pure: no file system, so every rule is unit-tested.
 */
import { PAPER_SIZES, REPORT_LANGUAGES, type PaperSize, type ReportLanguage } from '../../shared/report-job';

export interface ExportArgs {
  /** Session files or folders of them, as given (relative to the working directory). */
  readonly inputs: readonly string[];
  readonly out: string;
  readonly language: ReportLanguage;
  readonly paper: PaperSize;
}

export type ParsedExportArgs =
  | { readonly kind: 'export'; readonly args: ExportArgs }
  /** The app was started without --export: open the window as usual. */
  | { readonly kind: 'none' }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

export const EXPORT_USAGE = [
  'Usage: npm run export -- <session.wavelength | folder>… --out <folder> [--lang de|en] [--paper a4|letter]',
  '   or: Wavelength --export <session.wavelength | folder> --out <folder> [--lang de|en] [--paper a4|letter]',
  '',
  'Writes <name>.pdf, <name>.png, <name>.svg and <name>.csv for every session; a folder exports each',
  '.wavelength file in it. --lang is the language of the report (default de), --paper its paper',
  'size, landscape (default a4).',
].join('\n');

/**
 * - 'script': every argument is ours; words are inputs; an unknown flag is an error.
 * - 'app': Electron's argv also holds the executable, the app path and
 *   Chromium switches, so only our flags count and nothing happens without --export.
 */
export type ArgsMode = 'script' | 'app';

const VALUE_FLAGS = ['--export', '--out', '--lang', '--paper'] as const;

export function parseExportArgs(argv: readonly string[], mode: ArgsMode): ParsedExportArgs {
  const inputs: string[] = [];
  let out: string | undefined;
  let language: ReportLanguage = 'de';
  let paper: PaperSize = 'a4';
  let sawExport = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // --flag=value as well as --flag value
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const isOurs = (VALUE_FLAGS as readonly string[]).includes(flag);
    if (!isOurs) {
      if (flag === '--help' || flag === '-h') {
        if (mode === 'script') return { kind: 'help' };
        continue;
      }
      if (arg.startsWith('-') && arg !== '-') {
        if (mode === 'script') return { kind: 'error', message: `Unknown option ${flag}.` };
        continue;
      }
      if (mode === 'script') inputs.push(arg);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      return { kind: 'error', message: `${flag} needs a value.` };
    }
    switch (flag) {
      case '--export':
        sawExport = true;
        inputs.push(value);
        break;
      case '--out':
        if (out !== undefined) return { kind: 'error', message: '--out is given twice.' };
        out = value;
        break;
      case '--lang': {
        const lang = value.toLowerCase();
        if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) {
          return { kind: 'error', message: `--lang must be ${REPORT_LANGUAGES.join(' or ')}, not “${value}”.` };
        }
        language = lang as ReportLanguage;
        break;
      }
      case '--paper': {
        const size = value.toLowerCase();
        if (!(PAPER_SIZES as readonly string[]).includes(size)) {
          return { kind: 'error', message: `--paper must be ${PAPER_SIZES.join(' or ')}, not “${value}”.` };
        }
        paper = size as PaperSize;
        break;
      }
    }
  }

  if (mode === 'app' && !sawExport) return { kind: 'none' };
  if (inputs.length === 0) return { kind: 'error', message: 'Name at least one session file or folder to export.' };
  if (out === undefined) return { kind: 'error', message: 'Say where the files go: --out <folder>.' };
  return { kind: 'export', args: { inputs, out, language, paper } };
}
