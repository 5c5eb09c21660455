// The council's copy of a record (it needs a connection), for the review and conflict pages: read
// with the shared StoredSubmission schema, kept out of the first load with those pages.
import { useState } from 'preact/hooks';
import { StoredSubmission } from '../../shared/records/schema';
import { useServerJson } from '../lib/use-server-json';

/**
 * The council's copy of a record (null until it is read), and the failure to show: one the page
 * sets when acting on the copy fails, else why the copy could not be read (`offline`: no connection).
 */
export function useCouncilCopy(id: string, offline: string) {
  const loaded = useServerJson(`/api/submissions/${id}`, StoredSubmission, offline);
  const [actionFailure, setFailure] = useState('');
  return {
    stored: loaded.state === 'ready' ? loaded.value : null,
    failure: actionFailure || (loaded.state === 'failed' ? loaded.message : ''),
    setFailure,
  };
}
