/**
 * The end-of-timebox signal: two soft sine tones made with WebAudio, so no
 * sound file is fetched or shipped. Quiet on purpose — a room should notice,
 * not jump.
 */
export function playChime(win: Window & typeof globalThis = window): void {
  const Context = win.AudioContext;
  if (!Context) return;
  let context: AudioContext;
  try {
    context = new Context();
  } catch {
    return; // No audio device: the colour change still tells the room.
  }
  const start = context.currentTime + 0.05;
  [659.25, 880].forEach((frequency, i) => {
    const at = start + i * 0.4;
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, at);
    volume.gain.exponentialRampToValueAtTime(0.12, at + 0.03);
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 1.4);
    tone.connect(volume).connect(context.destination);
    tone.start(at);
    tone.stop(at + 1.5);
  });
  win.setTimeout(() => void context.close(), 2500);
}
