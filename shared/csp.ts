/**
 * The one Content-Security-Policy of every Wavelength window.
 *
 * Main sends it as a response header from the app:// protocol, and the build
 * writes it into the renderer's index.html as a <meta> tag so the browser
 * build is held to the same rules. Nothing may be loaded from the network:
 * every source is the app bundle itself ('self'), data: for images and fonts
 * inlined by the bundler, and blob: for the files the browser build offers
 * for download.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Looser policy for `npm run dev` only: Vite's hot reload needs a websocket and inline styles. */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*");
