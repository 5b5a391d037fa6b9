/**
 * The preload: exposes exactly its window's part of the channel table
 * (shared/ipc.ts) as `window.wavelength` and nothing else — no ipcRenderer,
 * no channel names, no event objects. Main says which window this is on the
 * preload's command line (windows.ts); the facilitator's window gets files,
 * autosave, export and presenter control, the room screen only the room
 * state and full screen. Results and pushed messages are checked with the
 * table's schemas on arrival; main checks every argument again anyway.
 *
 * Runs sandboxed (CommonJS, only the 'electron' module), so electron-vite
 * bundles the table and zod into it.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { apiKeyOf, channelsOf, describeSchemaError, IPC, roleFromArgv, type WindowRole } from '../../shared/ipc';

/** `window.wavelength` for a window of `role`: one function per channel of the role, built from the table. */
export function createRoleApi(role: WindowRole, ipc: Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>): Record<string, unknown> {
  const api: Record<string, unknown> = { role };
  for (const name of channelsOf(role)) {
    const spec = IPC[name];
    const key = apiKeyOf(name);
    if (spec.kind === 'invoke') {
      api[key] = async (...args: unknown[]) => {
        const result = spec.result.safeParse(await ipc.invoke(spec.channel, ...args));
        if (!result.success) throw new Error(`${name}: main answered out of contract (${describeSchemaError(result.error)}).`);
        return result.data;
      };
    } else if (spec.kind === 'send') {
      api[key] = (...args: unknown[]) => ipc.send(spec.channel, ...args);
    } else {
      api[key] = (listener: unknown) => {
        if (typeof listener !== 'function') throw new TypeError(`${key} needs a function.`);
        // The page gets the payload only: the event would hand it `sender`, i.e. ipcRenderer.
        const relay = (_event: IpcRendererEvent, payload: unknown): void => {
          const parsed = spec.payload.safeParse(payload);
          if (parsed.success) (listener as (value: unknown) => void)(parsed.data);
          else console.warn(`Ignored a ${name} message out of contract:`, describeSchemaError(parsed.error));
        };
        ipc.on(spec.channel, relay);
        return () => {
          ipc.removeListener(spec.channel, relay);
        };
      };
    }
  }
  return api;
}

const role = roleFromArgv(process.argv);
// A window main made without a role (none should exist) gets nothing to call.
if (role !== undefined) contextBridge.exposeInMainWorld('wavelength', createRoleApi(role, ipcRenderer));
