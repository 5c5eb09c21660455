// Photos on one item: thumbnails with a caption each and a remove button, and "Add a photo"
// (the phone offers its camera or its library). Saving happens on the device at once; the files
// are uploaded before the record when it is sent.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { AttachmentRef } from '../../shared/records/schema';
import { useStoredFile } from './queries';
import { saveFailureMessage } from '../storage/errors';
import { addPhoto, MAX_PHOTOS_PER_ITEM, PhotoError, type PhotoPlace, removePhoto, saveCaption } from './photo-store';

/**
 * An object URL for a stored file's thumbnail (or the file), revoked when no longer shown;
 * undefined while loading, null when the device does not hold the file.
 */
export function useFileUrl(sha256: string, which: 'thumbnail' | 'full' = 'thumbnail'): string | null | undefined {
  const blob = useStoredFile(sha256, which);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return undefined;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  if (blob === undefined || (blob !== null && url === null)) return undefined;
  return blob === null ? null : url;
}

/**
 * Whether what is shown is the council's copy of a record (a review, needing a connection): its
 * photos are then read from the server when this device does not hold them, as the person may.
 */
export const CouncilCopy = createContext(false);

export function Thumbnail(props: { attachment: AttachmentRef; alt: string }) {
  const url = useFileUrl(props.attachment.sha256);
  const councilCopy = useContext(CouncilCopy);
  if (url === undefined) return <span class="thumbnail missing">Loading photo…</span>;
  if (url) return <img class="thumbnail" src={url} alt={props.alt} />;
  return councilCopy ? (
    <img class="thumbnail" src={`/api/attachments/${props.attachment.sha256}`} alt={props.alt} loading="lazy" />
  ) : (
    <span class="thumbnail missing">Photo not on this device</span>
  );
}

export function PhotoField(props: {
  recordId: string;
  place: PhotoPlace;
  idPrefix: string;
  itemLabel: string;
  attachments: AttachmentRef[];
}) {
  const { recordId, place, attachments } = props;
  const itemId = `${props.idPrefix}${place.itemId}`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const inputId = `${itemId}-photo`;

  async function onChoose(input: HTMLInputElement) {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length === 0) return;
    setBusy(true);
    setError('');
    try {
      for (const file of files) await addPhoto(recordId, place, file);
    } catch (e) {
      setError(e instanceof PhotoError ? e.message : photoFailure(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class={`photos${error ? ' has-error' : ''}`}>
      {attachments.length > 0 && (
        <ul class="photo-list">
          {attachments.map((a, i) => (
            <li key={a.sha256} data-testid="photo">
              <Thumbnail attachment={a} alt={a.caption || `Photo ${i + 1} for ${props.itemLabel}`} />
              <label class="label small" for={`${itemId}-caption-${i}`}>
                Caption for photo {i + 1}
                <span class="visually-hidden"> ({props.itemLabel})</span>
              </label>
              <CaptionInput
                id={`${itemId}-caption-${i}`}
                initial={a.caption}
                onSave={(caption) =>
                  saveCaption(recordId, place, a.sha256, caption).catch((x) => setError(photoFailure(x)))
                }
              />
              <button
                type="button"
                class="button secondary small"
                onClick={() => void removePhoto(recordId, place, a.sha256).catch((x) => setError(photoFailure(x)))}
              >
                Remove photo {i + 1}
                <span class="visually-hidden"> for {props.itemLabel}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error-message" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      )}
      {attachments.length < MAX_PHOTOS_PER_ITEM && (
        <div class="add-photo">
          <label class="label small" for={inputId}>
            Add a photo<span class="visually-hidden"> for {props.itemLabel}</span>
          </label>
          <input
            id={inputId}
            type="file"
            accept="image/*"
            multiple
            disabled={busy}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(e) => void onChoose(e.currentTarget)}
          />
          {busy && (
            <span class="hint" role="status">
              {' '}
              Saving the photo on this device…
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** A caption, saved like any typed answer: after a short pause, on blur and when the page is hidden. */
function CaptionInput(props: { id: string; initial: string; onSave: (caption: string) => Promise<unknown> }) {
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(props.initial);
  const flush = () => {
    if (pending.current === null) return;
    clearTimeout(pending.current);
    pending.current = null;
    void props.onSave(latest.current.trim());
  };
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
  return (
    <input
      id={props.id}
      class="input"
      type="text"
      maxLength={500}
      autocomplete="off"
      defaultValue={props.initial}
      onBlur={flush}
      onInput={(e) => {
        latest.current = e.currentTarget.value;
        if (pending.current !== null) clearTimeout(pending.current);
        pending.current = setTimeout(flush, 400);
      }}
    />
  );
}

/** What failed, for a photo: a full disk above all, said plainly, with the draft intact. */
function photoFailure(error: unknown): string {
  const message = saveFailureMessage(error);
  return message.startsWith('This device is out of storage space')
    ? 'The photo could not be saved: this device is out of storage space. Your answers and earlier photos are safe. Free some space and add the photo again.'
    : message;
}
