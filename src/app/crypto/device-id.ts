// This device's random id (issue 14): sent with every password sign-in, so the server answers the
// person's unlock key for this device (crypto/vault.ts wraps the data key with it). It names the
// device, not a person, and is kept through a change of person while someone's work is held.
import { getValue, setValue } from '../storage/device-keyval';
import { keepWithHeldWork } from '../device/held-work';

const KEY = 'device-id';
keepWithHeldWork(KEY);

export async function deviceId(): Promise<string> {
  const known = await getValue<string>(KEY);
  if (known) return known;
  const made = crypto.randomUUID();
  await setValue(KEY, made);
  return made;
}
