// Component test setup: a fresh fake IndexedDB per test file and DOM cleanup after each test.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

afterEach(() => cleanup());
