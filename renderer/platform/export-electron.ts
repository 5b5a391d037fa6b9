import type { WavelengthApi } from '../../shared/contract';

/** Exports in Electron: main asks where, renders the report hidden and writes the files. */
export function createElectronExports(api: WavelengthApi) {
  return {
    exportPdf: api.exportPdf.bind(api),
    exportFile: api.exportFile.bind(api),
  };
}
