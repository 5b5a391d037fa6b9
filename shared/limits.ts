/** Sizes both processes hold data to, so a file or message main accepts is one the renderer can make, and back. */

/** Upper bound for a session file we read or write (bytes of UTF-8 text). */
export const MAX_SESSION_BYTES = 20 * 1024 * 1024;

/** Upper bound of an exported file main accepts from the renderer (a 4× PNG is a few MB). */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;
