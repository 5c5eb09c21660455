// The button back from one of a record's pages to its task list, named for the kind of record.
import type { LocalRecord } from '../storage/database';
import { recordNoun } from './labels';

/** "Return to the visit" (observation, audit); `secondary` where it stands beside a form's own button. */
export function ReturnLink(props: { record: Pick<LocalRecord, 'id' | 'kind'>; secondary?: boolean }) {
  return (
    <a class={props.secondary ? 'button secondary' : 'button'} href={`/visits/${props.record.id}`}>
      Return to the {recordNoun(props.record.kind)}
    </a>
  );
}
