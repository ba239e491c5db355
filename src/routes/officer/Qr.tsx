/**
 * A QR code drawn as SVG squares from uqr's module matrix: no image file, no
 * innerHTML, crisp at any size. Only the officer room loads uqr.
 */
import { For, createMemo } from 'solid-js';
import { encode } from 'uqr';

export function Qr(props: { text: string; label: string }) {
  const qr = createMemo(() => encode(props.text, { ecc: 'M', border: 2 }));
  const cells = createMemo(() =>
    qr()
      .data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`M${x} ${y}h1v1h-1z`] : [])))
      .join(''),
  );
  return (
    <svg class="officer-qr" role="img" aria-label={props.label} viewBox={`0 0 ${qr().size} ${qr().size}`}>
      <rect width={qr().size} height={qr().size} fill="#fff" />
      <For each={[cells()]}>{(d) => <path d={d} fill="#000" />}</For>
    </svg>
  );
}
