import { chart } from './app';
import { expect, test } from './fixtures';

test.use({ locale: 'en-US' });

test('the overstretched sample shows where Sales and PS diverge and how hard it fell', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Overstretched/ }).click();
  await expect(page.getByRole('button', { name: /Compare/ }).first()).toHaveAttribute('aria-current', 'step');

  // Sales saw far more enthusiasm, largest around the sale.
  await expect(page.getByTestId('gap-largest')).toContainText(/Largest gap: \d\.\d in (Angebot & Verhandlung|Kickoff)/);
  await expect(page.getByTestId('gap-largest')).toContainText('Sales saw more enthusiasm');
  // The drop after the handover: Sales is overstretched, PS is not.
  const drops = page.getByTestId('handover-drops');
  await expect(drops.getByText(/^Sales: /)).toContainText('overstretched');
  await expect(drops.getByText(/^PS: /)).not.toContainText('overstretched');
  const salesDrop = Number((await drops.getByText(/^Sales: /).innerText()).match(/\(−(\d+\.\d)\)/)![1]);
  expect(salesDrop).toBeGreaterThan(5);
  // Everyone ends satisfied at best.
  await expect(page.getByTestId('peak-end')).toContainText('satisfied, not thrilled');
  // Disagreement spans are named by phase with a prompt.
  const spans = page.getByTestId('disagreement').getByRole('listitem');
  await expect(spans.first()).toContainText(/What happened in “.+” that you saw it so differently\?/);

  // The table: one row per participant, sortable by name.
  const table = page.getByTestId('participant-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await table.getByRole('button', { name: /^Participant/ }).click();
  await expect(table.locator('tbody tr th')).toHaveText(['Anna', 'Bernd', 'Carla', 'David', 'Emil', 'Frieda', 'Greta']);

  // Clicking a participant highlights them; clicking again clears it.
  const david = table.getByRole('button', { name: 'Highlight David' });
  await david.click();
  await expect(david).toHaveAttribute('aria-pressed', 'true');
  await expect(table.locator('tr.is-highlighted th')).toHaveText('David');
  await david.click();
  await expect(table.locator('tr.is-highlighted')).toHaveCount(0);
  await page.getByTestId('team-table').getByRole('button', { name: 'Highlight Sales' }).click();
  await expect(page.getByTestId('team-table').locator('tr.is-highlighted th')).toHaveText('Sales');

  // Hiding individual curves leaves the team means.
  await expect(chart(page)).toHaveAttribute('data-curve-count', '7');
  await page.getByRole('checkbox', { name: 'Individual curves' }).uncheck();
  await expect(chart(page)).toHaveAttribute('data-curve-count', '0');
});

test('a perception-gap round compares each side’s guesses with the other side’s real curves', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Mixed, with late joiners/ }).click();
  // Round 1 is an ordinary round: no perception panel.
  await expect(page.getByTestId('perception')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Round' }).selectOption({ index: 1 });
  const panel = page.getByTestId('perception');
  await expect(panel).toContainText('Sales about PS');
  await expect(panel).toContainText('PS about Sales');
  // In the sample, PS guessed Sales far more euphoric than Sales drew it.
  await expect(panel.getByRole('listitem').nth(1)).toContainText('guessed too high');
  const meanGap = Number((await panel.getByRole('listitem').nth(1).innerText()).match(/real curves: (\d+\.\d)/)![1]);
  expect(meanGap).toBeGreaterThan(1);
});

test('a new perception round works end to end from an empty session', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a new retro' }).click();
  for (const [name, team] of [['Sam', 'Sales'], ['Pat', 'PS']] as const) {
    await page.getByRole('textbox', { name: 'Name or alias', exact: true }).fill(name);
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label: team });
    await page.getByRole('button', { name: '+ Add participant' }).click();
  }
  // Round 1 by keyboard: Sam flat 8, Pat flat 4.
  await page.getByRole('button', { name: /Draw/ }).first().click();
  const typeFlat = async (name: string, value: string) => {
    await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
    await page.getByRole('button', { name: `I am ${name} — start drawing` }).click();
    await page.getByRole('button', { name: /Type values instead/ }).click();
    for (const input of await page.getByRole('spinbutton').all()) await input.fill(value);
    await page.getByRole('button', { name: 'Use these values' }).click();
    await page.getByRole('button', { name: 'Done — next person' }).click();
  };
  await typeFlat('Sam', '8');
  await typeFlat('Pat', '4');
  // Round 2: how the other team saw it. Sam guesses PS at 6 (real 4), Pat guesses Sales at 9 (real 8).
  await page.getByRole('button', { name: '+ New round' }).click();
  await page.getByRole('radio', { name: 'How you think the other team experienced it' }).check();
  await page.getByRole('button', { name: 'Add round', exact: true }).click();
  await expect(page.getByTestId('drawn-count')).toHaveText('0 of 2 have drawn');
  await typeFlat('Sam', '6');
  await typeFlat('Pat', '9');
  await page.getByRole('button', { name: /Compare/ }).first().click();
  const panel = page.getByTestId('perception');
  await expect(panel.getByRole('listitem').nth(0)).toContainText('Mean gap between guess and real curves: 2.0');
  await expect(panel.getByRole('listitem').nth(0)).toContainText('guessed too high');
  await expect(panel.getByRole('listitem').nth(1)).toContainText('Mean gap between guess and real curves: 1.0');
});

test('notes are pinned, moved, deleted and undone; action items are ticked off', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Warm handover/ }).click();
  await page.getByRole('button', { name: /Discuss/ }).first().click();
  const notes = page.getByTestId('notes').getByRole('listitem');
  const before = await notes.count();

  // Click the chart in the middle of the plot: the form opens there.
  const box = (await chart(page).getAttribute('data-plot'))!.split(',').map(Number);
  const [left, top, right, bottom] = box as [number, number, number, number];
  await chart(page).click({ position: { x: left + (right - left) * 0.75, y: (top + bottom) / 2 } });
  const form = page.getByRole('form', { name: 'Add note' });
  await expect(form.getByRole('slider', { name: 'Position on the timeline, in percent' })).toHaveValue(/^7[45](\.\d+)?$/);
  await form.getByRole('textbox', { name: 'Note' }).fill('Key user went on parental leave');
  await form.getByRole('button', { name: '+ Add note' }).click();
  await expect(notes).toHaveCount(before + 1);
  // Notes are numbered along the timeline (as on the chart, in the room and in the PDF): the new one at 75 % takes its
  // place among them, and the list follows the same order.
  const added = notes.filter({ hasText: 'Key user went on parental leave' });
  await expect(added).toHaveCount(1);
  const number = Number(await added.locator('.note__pin').innerText());

  // Move it with the keyboard.
  await page.getByRole('button', { name: `Edit note ${number}` }).click();
  const slider = page.getByTestId('notes').locator('.note--selected').getByRole('slider');
  const start = Number(await slider.inputValue());
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(Number(await slider.inputValue())).toBeCloseTo(start - 1, 5);

  // Delete, then undo brings it back where it was moved to.
  await page.getByRole('button', { name: `Delete note ${number}` }).click();
  await expect(notes).toHaveCount(before);
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(notes).toHaveCount(before + 1);

  // Action items.
  await page.getByRole('textbox', { name: 'What', exact: true }).last().fill('Invite PS to every proposal review');
  await page.getByRole('textbox', { name: 'Who', exact: true }).last().fill('Katrin');
  await page.getByRole('button', { name: '+ Add action item' }).click();
  const done = page.getByRole('checkbox', { name: 'Invite PS to every proposal review done' });
  await done.check();
  await expect(page.getByRole('heading', { name: /Action items/ })).toContainText('(1 open)');
});
