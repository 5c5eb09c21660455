// Loads a page's code on first use. The service worker precaches every chunk, so this works
// offline; it keeps the first load down to what the first screen needs.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ComponentType<P> & { preload(): void };

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () => {
    pending ??= load().then(
      (c) => (loaded = c),
      (error: unknown) => {
        pending = null; // let a later attempt try again
        throw error;
      },
    );
    return pending;
  };
  function LazyComponent(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      start().then(
        (c) => setComponent(() => c),
        () => setFailed(true),
      );
    }, [component]);
    if (failed) return <p role="alert">This page could not be loaded. Reload the app to try again.</p>;
    if (!component) return <p>Loading…</p>;
    const Component = component;
    return <Component {...props} />;
  }
  /** Fetches the code ahead of need (errors surface when the page is shown). */
  LazyComponent.preload = () => void start().catch(() => undefined);
  return LazyComponent;
}
