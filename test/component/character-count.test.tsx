// The GOV.UK character count on boxes with a length limit (components/fields.tsx, issue 17): the
// limit told to screen readers from the start, the count shown from three quarters of the limit,
// red with "too many" over it, read out politely once typing pauses; nothing typed is ever cut.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { CharacterCount, countMessage, TextArea } from '../../src/app/components/fields';

function Box(props: { initial?: string; max?: number }) {
  const [value, setValue] = useState(props.initial ?? '');
  return <TextArea id="evidence" label="Evidence" value={value} maxLength={props.max ?? 100} onChange={setValue} />;
}
const box = () => screen.getByRole('textbox', { name: 'Evidence' }) as HTMLTextAreaElement;
const shownCount = () => screen.queryByTestId('count');
const liveRegion = () => document.querySelector('[aria-live="polite"]')!;

afterEach(() => {
  vi.useRealTimers();
});

describe('character count', () => {
  it('words the count as GOV.UK does', () => {
    expect(countMessage(0, 20_000)).toBe('You have 20,000 characters remaining');
    expect(countMessage(19_999, 20_000)).toBe('You have 1 character remaining');
    expect(countMessage(20_000, 20_000)).toBe('You have 0 characters remaining');
    expect(countMessage(20_001, 20_000)).toBe('You have 1 character too many');
    expect(countMessage(23_200, 20_000)).toBe('You have 3,200 characters too many');
  });

  it('tells screen readers the limit from the start, and shows no count far below it', () => {
    render(<Box />);
    expect(box().getAttribute('aria-describedby')).toBe('evidence-info');
    expect(document.getElementById('evidence-info')?.textContent).toBe('You can enter up to 100 characters');
    expect(shownCount()).toBeNull();
    fireEvent.input(box(), { target: { value: 'a'.repeat(74) } });
    expect(shownCount()).toBeNull();
  });

  it('keeps the hint and error first in aria-describedby, then the limit', () => {
    render(
      <TextArea
        id="n"
        label="Note"
        hint="Say what you saw"
        error="Enter a note"
        value=""
        maxLength={10}
        onChange={() => {}}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'Note' }).getAttribute('aria-describedby')).toBe(
      'n-hint n-error n-info',
    );
  });

  it('shows what is left from three quarters of the limit, then how many too many, in red, never cutting the text', () => {
    render(<Box />);
    fireEvent.input(box(), { target: { value: 'a'.repeat(75) } });
    expect(shownCount()?.textContent).toBe('You have 25 characters remaining');
    expect(shownCount()?.className).toBe('character-count');
    expect(shownCount()?.getAttribute('aria-hidden')).toBe('true'); // the live region speaks it instead
    expect(box().className).toBe('textarea');

    fireEvent.input(box(), { target: { value: 'a'.repeat(130) } });
    expect(box().value).toHaveLength(130);
    expect(box().hasAttribute('maxlength')).toBe(false);
    expect(shownCount()?.textContent).toBe('You have 30 characters too many');
    expect(shownCount()?.className).toBe('character-count over');
    expect(box().className).toBe('textarea over');
  });

  it('reads the count out politely once typing pauses, not at every keystroke', () => {
    vi.useFakeTimers();
    render(<Box />);
    fireEvent.input(box(), { target: { value: 'a'.repeat(90) } });
    expect(liveRegion().textContent).toBe('');
    act(() => {
      vi.advanceTimersByTime(500);
    });
    fireEvent.input(box(), { target: { value: 'a'.repeat(101) } });
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(liveRegion().textContent).toBe('');
    act(() => {
      vi.advanceTimersByTime(600);
    });
    expect(liveRegion().textContent).toBe('You have 1 character too many');
  });

  it('can count a box drawn elsewhere (the evidence note of an answer)', () => {
    render(<CharacterCount id="rota-note" length={20_500} max={20_000} />);
    expect(document.getElementById('rota-note-info')?.textContent).toBe('You can enter up to 20,000 characters');
    expect(shownCount()?.textContent).toBe('You have 500 characters too many');
  });
});
