// Loads a page's code on first use. The service worker precaches every chunk, so this works
// offline; it keeps the first load down to what the first screen needs.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyComponent(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      pending ??= load();
      pending.then((c) => setComponent(() => (loaded = c)), () => setFailed(true));
    }, [component]);
    if (failed) return <p role="alert">This page could not be loaded. Reload the app to try again.</p>;
    if (!component) return <p>Loading…</p>;
    const Component = component;
    return <Component {...props} />;
  };
}
