/** Why main refused an IPC call; the renderer's invoke() rejects with it, a refused send is logged. */

/** The arguments do not fit the channel's schema (shared/ipc.ts), or name something main never handed out. */
export class IpcArgumentError extends Error {
  override name = 'IpcArgumentError';
}

/** The call does not come from our page in one of our windows, or that window's role may not use the channel. */
export class IpcSenderError extends Error {
  override name = 'IpcSenderError';
}
