// The labelled controls every form uses (components/fields.tsx, choices.tsx): each control named
// by its label, the hint and error message above it and describing it, the group marked in error,
// and an error summary link that lands on the control (the first radio of a group).
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { Checkbox, Checkboxes, Fieldset, Radios } from '../../src/app/components/choices';
import { DateInput, Select, TextArea, TextInput } from '../../src/app/components/fields';
import { ErrorSummary } from '../../src/app/components/Page';
import { SummaryList } from '../../src/app/components/SummaryList';
import { Table } from '../../src/app/components/Table';

const OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No', hint: 'Say why in the note' },
];
const group = (el: HTMLElement) => el.closest('.form-group')!;

describe('a labelled control', () => {
  it('is named by its label and described by nothing when it has no hint or error', () => {
    render(<TextInput id="team" label="Team" value="" onChange={() => {}} />);
    const box = screen.getByRole('textbox', { name: 'Team' });
    expect(box.id).toBe('team');
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(group(box).className).toBe('form-group');
  });

  it('shows the hint, then the error, above the control, and both describe it', () => {
    render(
      <TextArea id="notes" label="Notes" hint="For the officer" error="Enter the notes" value="" onChange={() => {}} />,
    );
    const box = screen.getByRole('textbox', { name: 'Notes' });
    expect(box.getAttribute('aria-describedby')).toBe('notes-hint notes-error');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('notes-hint')?.textContent).toBe('For the officer');
    expect(document.getElementById('notes-error')?.textContent).toBe('Enter the notes');
    expect(group(box).className).toBe('form-group has-error');
    const order = Array.from(group(box).children).map((el) => el.id || el.tagName.toLowerCase());
    expect(order).toEqual(['label', 'notes-hint', 'notes-error', 'notes']);
    expect(box.getAttribute('rows')).toBe('4');
  });

  it('announces its error when asked to (a form with no error summary)', () => {
    render(<TextInput id="e" label="Evidence" small alert error="Say what shows it" value="" onChange={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('Say what shows it');
    expect(document.querySelector('label')?.className).toBe('label small');
  });

  it('passes each keystroke on, and a chosen date on commit', () => {
    const onChange = vi.fn();
    const onCommit = vi.fn();
    render(<DateInput id="due" label="Due date" value="" onChange={onChange} onCommit={onCommit} />);
    const input = screen.getByLabelText('Due date');
    fireEvent.input(input, { target: { value: '2026-01-02' } });
    expect(onChange).toHaveBeenCalledWith('2026-01-02');
    fireEvent.change(input, { target: { value: '2026-01-03' } });
    expect(onCommit).toHaveBeenCalledWith('2026-01-03');
  });

  it('offers a placeholder choice in a drop-down only when given one', async () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <Select id="s" label="Status" options={OPTIONS} value="" placeholder="Any" onChange={onChange} />,
    );
    const select = screen.getByRole('combobox', { name: 'Status' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', 'Yes', 'No']);
    await userEvent.setup().selectOptions(select, 'No');
    expect(onChange).toHaveBeenLastCalledWith('no');
    rerender(<Select id="s" label="Status" options={OPTIONS} value="yes" onChange={onChange} />);
    expect(within(select).getAllByRole('option')).toHaveLength(2);
  });
});

describe('radios and checkboxes', () => {
  it('give the first choice the field’s id, describe the fieldset, and each choice by its own hint', () => {
    render(
      <Radios
        id="ok"
        legend="Is it safe?"
        hint="Think of the last month"
        error="Select yes or no"
        options={OPTIONS}
        value={null}
        onChange={() => {}}
      />,
    );
    const fieldset = screen.getByRole('group', { name: 'Is it safe?' });
    expect(fieldset.getAttribute('aria-describedby')).toBe('ok-hint ok-error');
    expect(document.getElementById('ok-error')?.textContent).toBe('Select yes or no');
    expect(group(fieldset).className).toBe('form-group has-error');
    const [yes, no] = screen.getAllByRole('radio') as HTMLInputElement[];
    expect([yes!.id, no!.id]).toEqual(['ok', 'ok-no']);
    expect([yes!.name, no!.name]).toEqual(['ok', 'ok']);
    expect(no!.getAttribute('aria-describedby')).toBe('ok-no-hint');
    expect(document.getElementById('ok-no-hint')?.textContent).toBe('Say why in the note');
  });

  it('land an error summary link on the first radio', async () => {
    render(
      <>
        <ErrorSummary errors={[{ href: '#ok', message: 'Select yes or no' }]} />
        <Radios id="ok" legend="Is it safe?" error="Select yes or no" options={OPTIONS} value="" onChange={() => {}} />
      </>,
    );
    await userEvent.setup().click(screen.getByRole('link', { name: 'Select yes or no' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Yes' }));
  });

  it('pass the chosen radio on, and the ticked boxes in the order they were ticked', async () => {
    const user = userEvent.setup();
    const picked = vi.fn();
    render(<Radios id="r" legend="One" inline options={OPTIONS} value="yes" onChange={picked} />);
    await user.click(screen.getByRole('radio', { name: 'No' }));
    expect(picked).toHaveBeenCalledWith('no');
    const ticked = vi.fn();
    render(<Checkboxes id="c" legend="Any" options={OPTIONS} value={['no']} onChange={ticked} />);
    await user.click(screen.getByRole('checkbox', { name: 'Yes' }));
    expect(ticked).toHaveBeenLastCalledWith(['no', 'yes']);
    await user.click(screen.getByRole('checkbox', { name: 'No' }));
    expect(ticked).toHaveBeenLastCalledWith([]);
  });

  it('puts the id on a focusable fieldset of its own, and what follows it in the same group', () => {
    render(
      <Fieldset id="people" focusable legend="People spoken to" error="Add a person" after={<p>after</p>}>
        <button type="button">Add a person</button>
      </Fieldset>,
    );
    const fieldset = document.getElementById('people')!;
    expect(fieldset.tagName).toBe('FIELDSET');
    expect(fieldset.getAttribute('tabindex')).toBe('-1');
    expect(fieldset.getAttribute('aria-describedby')).toBe('people-error');
    expect(group(screen.getByText('after'))).toBe(group(fieldset));
  });

  it('ticks a single box', async () => {
    const onChange = vi.fn();
    render(<Checkbox id="agree" label="I understand" checked={false} onChange={onChange} />);
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'I understand' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});

describe('tables and summary lists', () => {
  it('head each row by its first cell and right-align the figures', () => {
    render(
      <Table
        caption="Activity"
        columns={['Activity', { heading: 'Done', numeric: true }]}
        rows={[{ key: 'v', cells: ['Visits', 3], testId: 'row' }]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Activity' });
    expect(table.closest('.table-wrap')).not.toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Done' }).className).toBe('numeric');
    expect(screen.getByRole('rowheader', { name: 'Visits' })).toBeTruthy();
    expect(within(screen.getByTestId('row')).getByRole('cell').className).toBe('numeric');
  });

  it('say so when a table has no rows', () => {
    render(<Table caption="Late" columns={['Record']} rows={[]} empty="Nothing was late." />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Nothing was late.')).toBeTruthy();
  });

  it('read back terms and values', () => {
    render(<SummaryList rows={[['Team', 'North']]} />);
    expect(screen.getByRole('term').textContent).toBe('Team');
    expect(screen.getByRole('definition').textContent).toBe('North');
  });
});
