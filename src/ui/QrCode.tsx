/**
 * A QR code drawn as one SVG path: uqr encodes, we draw (no inline style, so
 * the strict CSP holds). Dark modules on a white, quiet-zoned square that
 * stays white in dark and forced colours, or a phone's camera cannot read it.
 * Loaded lazily by whoever shows one: uqr is not part of anyone's first load.
 * The citizen's receipt, the kiosk's and the officer's all draw it here.
 */
import { encode } from 'uqr';

export function QrCode(props: { text: string; label: string; class?: string }) {
  const qr = () => encode(props.text, { ecc: 'M', border: 2 });
  const path = () => {
    let d = '';
    qr().data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return d;
  };
  return (
    <svg
      class={props.class ?? 'qr-code'}
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

export default QrCode;
