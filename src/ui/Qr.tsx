/**
 * A QR code drawn as one SVG path (uqr encodes, we draw: no inline style, so
 * the strict CSP holds). Dark modules on a light, quiet-zoned square; the
 * label says what it opens, for screen readers. Used by the kiosk's receipt
 * and the desk's enrolment link; it and uqr are a chunk of their own in
 * assets/qr/ (vite.config.ts), out of the precache and of the citizen's pages.
 */
import { encode } from 'uqr';

export function Qr(props: { text: string; label: string; class: string }) {
  const qr = () => encode(props.text, { ecc: 'M', border: 2 });
  const path = () => {
    const { data } = qr();
    let d = '';
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return d;
  };
  return (
    <svg
      class={props.class}
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      shape-rendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}
