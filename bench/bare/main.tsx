// The bench's floor for a cold load (docs/budgets-and-testing.md): Vite + Preact + Dexie and nothing else. It
// opens a Dexie database, as the app does before it can show anything, then shows an input.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import Dexie from 'dexie';

const db = new Dexie('bare-bench');
db.version(1).stores({ things: 'id' });

function Bare() {
  const [ready, setReady] = useState(false);
  useEffect(() => void db.open().then(() => setReady(true)), []);
  if (!ready) return <p>Loading…</p>;
  return (
    <main>
      <label for="email">Email address</label>
      <input id="email" type="email" />
    </main>
  );
}

render(<Bare />, document.getElementById('app') as HTMLElement);
