// Signatures on a record: on a visit, the provider's registered manager acknowledging the
// feedback; on an observation, the practitioner and the observer. Each is a PNG stored on the
// device with the signer's name, role and time, and sent before the record like a photo.
import { useState } from 'preact/hooks';
import type { Signature } from '../../shared/records/schema';
import { session } from '../auth/session';
import { TextInput } from '../components/fields';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { formatDateTime } from '../components/format';
import { useObservable } from '../lib/observable';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { recordNoun } from '../records/labels';
import { ReturnLink } from '../records/ReturnLink';
import { useFileUrl } from './PhotoField';
import { SignaturePad } from './SignaturePad';
import { removeSignature, saveSignature, signatureRoles } from './signature-store';

type Role = Signature['role'];
const ROLE: Record<Role, { title: string; hint: string }> = {
  'provider-manager': {
    title: 'Registered manager',
    hint: 'The provider’s manager signs to acknowledge that the visit feedback was given.',
  },
  practitioner: { title: 'Practitioner', hint: 'The practitioner signs to show they have seen the observation.' },
  observer: { title: 'Observer', hint: 'You sign as the manager who observed the practice.' },
};

export function SignaturesPage(props: { visit: LocalRecord }) {
  const { visit } = props;
  const [failure, setFailure] = useState('');
  const noun = recordNoun(visit.kind);
  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the {noun}</BackLink>
      <Page title="Signatures" caption={visit.subjectName}>
        {failure && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: failure }]} />}
        {signatureRoles(visit.kind).map((role) => (
          <SignatureSection
            key={role}
            visit={visit}
            role={role}
            signature={(visit.signatures ?? []).find((s) => s.role === role)}
            onError={(e) => setFailure(saveFailureMessage(e))}
          />
        ))}
        <ReturnLink record={visit} />
      </Page>
    </>
  );
}

function SignatureSection(props: {
  visit: LocalRecord;
  role: Role;
  signature: Signature | undefined;
  onError: (e: unknown) => void;
}) {
  const { visit, role, signature } = props;
  const user = useObservable(session);
  const defaultName =
    role === 'observer' && user.status === 'signed-in'
      ? user.user.name
      : role === 'practitioner' && 'practitionerName' in visit.details
        ? visit.details.practitionerName
        : '';
  const [name, setName] = useState(defaultName);
  const [nameError, setNameError] = useState('');
  const url = useFileUrl(signature?.sha256 ?? '', 'full');
  const base = `signature-${role}`;
  return (
    <section aria-labelledby={`${base}-heading`} data-testid={base}>
      <h2 id={`${base}-heading`}>{ROLE[role].title}</h2>
      <p class="hint">{ROLE[role].hint}</p>
      {signature ? (
        <>
          {url && <img class="signature" src={url} alt={`Signature of ${signature.name}`} />}
          <p>
            Signed by <strong>{signature.name}</strong>, {formatDateTime(signature.signedAt)}.
          </p>
          <button
            type="button"
            class="button secondary"
            onClick={() => void removeSignature(visit.id, role).catch(props.onError)}
          >
            Remove this signature<span class="visually-hidden"> ({ROLE[role].title.toLowerCase()})</span>
          </button>
        </>
      ) : (
        <>
          <TextInput
            id={`${base}-name`}
            label="Name of the person signing"
            value={name}
            error={nameError}
            onChange={(value) => {
              setName(value);
              setNameError('');
            }}
          />
          <SignaturePad
            id={`${base}-pad`}
            label={`Signature of the ${ROLE[role].title.toLowerCase()}`}
            nameForTyped={name}
            onSigned={async (png) => {
              // Refused before anything is stored; the pad keeps the drawing, and focus goes to the
              // name so the signer can carry on where the message is.
              if (name.trim() === '') {
                setNameError('Enter the name of the person signing');
                document.getElementById(`${base}-name`)?.focus();
                return false;
              }
              try {
                await saveSignature(visit.id, png, { role, name: name.trim() });
                return true;
              } catch (e) {
                props.onError(e);
                return false;
              }
            }}
          />
        </>
      )}
    </section>
  );
}
