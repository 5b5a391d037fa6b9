/**
 * The command line of the batch export, shared by `npm run export` and the
 * packaged app's `--export` flags:
 *
 *   npm run export -- <session.wavelength | folder>… --out <folder> [--lang de|en] [--paper a4|letter]
 *   Wavelength --export <session.wavelength | folder> --out <folder> [--lang de|en] [--paper a4|letter]
 *
 * Read with node:util's parseArgs. Pure: no file system, so every rule is
 * unit-tested.
 */
import { parseArgs } from 'node:util';
import { PAPER_SIZES, REPORT_LANGUAGES, type PaperSize, type ReportLanguage } from '../shared/report-job';

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

/** The flags with a value; each may be given as `--flag value` or `--flag=value`. */
const VALUE_OPTIONS = {
  export: { type: 'string', multiple: true },
  out: { type: 'string', multiple: true },
  lang: { type: 'string', multiple: true },
  paper: { type: 'string', multiple: true },
} as const;

/** Every flag of the batch export, with its value (`--flag`), for the app's own command-line reader (launch-args.ts). */
export const EXPORT_VALUE_FLAGS: readonly string[] = Object.keys(VALUE_OPTIONS).map((name) => `--${name}`);

export function parseExportArgs(argv: readonly string[], mode: ArgsMode): ParsedExportArgs {
  // Not strict: Electron's argv holds Chromium switches and the app path, and the script's own
  // errors below say more than parseArgs' would. Tokens tell a value from a following flag.
  const { tokens, positionals } = parseArgs({
    args: [...argv],
    options: { ...VALUE_OPTIONS, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const values: Record<keyof typeof VALUE_OPTIONS, string[]> = { export: [], out: [], lang: [], paper: [] };
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'help') {
      if (mode === 'script') return { kind: 'help' };
      continue;
    }
    if (!Object.hasOwn(VALUE_OPTIONS, token.name)) {
      if (mode === 'script') return { kind: 'error', message: `Unknown option ${token.rawName}.` };
      continue;
    }
    const value = token.value;
    // `--out --lang de`: the next word is a flag, not the folder.
    if (typeof value !== 'string' || value === '' || (!token.inlineValue && value.startsWith('--'))) {
      return { kind: 'error', message: `${token.rawName} needs a value.` };
    }
    values[token.name as keyof typeof VALUE_OPTIONS].push(value);
  }

  if (mode === 'app' && values.export.length === 0) return { kind: 'none' };
  const inputs = mode === 'script' ? [...positionals, ...values.export] : values.export;
  if (values.out.length > 1) return { kind: 'error', message: '--out is given twice.' };

  let language: ReportLanguage = 'de';
  for (const value of values.lang) {
    const lang = value.toLowerCase();
    if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) {
      return { kind: 'error', message: `--lang must be ${REPORT_LANGUAGES.join(' or ')}, not “${value}”.` };
    }
    language = lang as ReportLanguage;
  }
  let paper: PaperSize = 'a4';
  for (const value of values.paper) {
    const size = value.toLowerCase();
    if (!(PAPER_SIZES as readonly string[]).includes(size)) {
      return { kind: 'error', message: `--paper must be ${PAPER_SIZES.join(' or ')}, not “${value}”.` };
    }
    paper = size as PaperSize;
  }

  const out = values.out[0];
  if (inputs.length === 0) return { kind: 'error', message: 'Name at least one session file or folder to export.' };
  if (out === undefined) return { kind: 'error', message: 'Say where the files go: --out <folder>.' };
  return { kind: 'export', args: { inputs, out, language, paper } };
}
