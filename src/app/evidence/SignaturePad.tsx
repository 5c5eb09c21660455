// A signature pad: drawn with a finger, stylus or mouse (pointer events, one stroke per pointer),
// or — for anyone who cannot draw on a screen — the signer's typed name rendered in its place.
// Produces a PNG; the page stores it with the signer's name, role and the time. The drawing stays
// on the pad until the page says it is stored: a missing name or a failed write must never make
// the signer sign again.
import { useEffect, useRef, useState } from 'preact/hooks';

const WIDTH = 600;
const HEIGHT = 200;

export function SignaturePad(props: {
  id: string;
  label: string;
  /** Stores the signature; resolves true once stored, false when it was not (the pad keeps the drawing). */
  onSigned: (png: Blob, typed: boolean) => Promise<boolean>;
  nameForTyped: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => clear(), []);

  function context(): CanvasRenderingContext2D | null {
    return canvas.current?.getContext('2d') ?? null;
  }
  function clear() {
    const c = context();
    if (!c) return;
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, WIDTH, HEIGHT);
    c.strokeStyle = '#0b0c0c';
    c.lineWidth = 3;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    setDrawn(false);
  }
  function point(e: PointerEvent) {
    const box = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * WIDTH, y: ((e.clientY - box.top) / box.height) * HEIGHT };
  }
  function down(e: PointerEvent) {
    if (drawing.current) return;
    canvas.current?.setPointerCapture(e.pointerId);
    drawing.current = { pointerId: e.pointerId, ...point(e) };
    e.preventDefault();
  }
  function move(e: PointerEvent) {
    const last = drawing.current;
    const c = context();
    if (!last || last.pointerId !== e.pointerId || !c) return;
    const next = point(e);
    c.beginPath();
    c.moveTo(last.x, last.y);
    c.lineTo(next.x, next.y);
    c.stroke();
    drawing.current = { pointerId: e.pointerId, ...next };
    setDrawn(true);
  }
  function up(e: PointerEvent) {
    if (drawing.current?.pointerId === e.pointerId) drawing.current = null;
  }

  async function save(typed: boolean) {
    const c = context();
    if (!c || !canvas.current) return;
    let png: Blob | null;
    if (typed) {
      // The typed name is drawn on a canvas of its own, so a drawing on the pad is not lost to it.
      const typedCanvas = document.createElement('canvas');
      typedCanvas.width = WIDTH;
      typedCanvas.height = HEIGHT;
      const t = typedCanvas.getContext('2d');
      if (!t) return;
      t.fillStyle = '#ffffff';
      t.fillRect(0, 0, WIDTH, HEIGHT);
      t.fillStyle = '#0b0c0c';
      t.font = 'italic 48px Georgia, serif';
      t.fillText(props.nameForTyped, 20, HEIGHT / 2 + 16);
      png = await new Promise<Blob | null>((resolve) => typedCanvas.toBlob(resolve, 'image/png'));
    } else {
      png = await new Promise<Blob | null>((resolve) => canvas.current!.toBlob(resolve, 'image/png'));
    }
    if (!png) return;
    setBusy(true);
    try {
      if (await props.onSigned(png, typed)) clear();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="signature-pad">
      <canvas
        id={props.id}
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${props.label}: draw the signature here`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <p>
        <button type="button" class="button" disabled={!drawn || busy} onClick={() => void save(false)}>
          Save the signature
        </button>{' '}
        <button type="button" class="button secondary" disabled={busy} onClick={clear}>
          Clear
        </button>{' '}
        <button
          type="button"
          class="button secondary"
          disabled={busy || props.nameForTyped.trim() === ''}
          onClick={() => void save(true)}
        >
          Sign with the typed name instead
        </button>
      </p>
    </div>
  );
}
