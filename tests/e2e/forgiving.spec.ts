// Entering numbers and removing things the way people do it (issue 10):
// "9,5" and "9.5" both mean nine and a half in either language, with the
// app's own messages; a removal happens at once and can be undone from its
// notice; the focus never lands on the next row's ✕; two people with one
// name are pointed out.
import { expect, test } from './fixtures';
import { addParticipant, chart, readCurveValues, startNewRetro } from './app';

test.describe('typing values, in German', () => {
  test.use({ locale: 'de-DE' });

  test('reads "9,5" and "9.5" alike and says in German what is wrong', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Neue Retro beginnen' }).click();
    await page.getByRole('textbox', { name: 'Name oder Kürzel', exact: true }).fill('Kim');
    await page.getByRole('button', { name: '+ Hinzufügen' }).click();
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: /^Kim\b/ }).click();
    await page.getByRole('button', { name: 'Ich bin Kim – los geht’s' }).click();
    await page.getByRole('button', { name: /Werte eintippen/ }).click();

    const field = (phase: string) => page.getByRole('spinbutton', { name: phase, exact: true });
    const apply = page.getByRole('button', { name: 'Werte übernehmen' });
    await field('Erstkontakt').fill('9,5');
    await field('Angebot & Verhandlung').fill('abc');
    await expect(page.getByRole('alert')).toHaveText('Gib eine Zahl ein, z. B. 9,5.');
    await expect(field('Angebot & Verhandlung')).toHaveAttribute('aria-invalid', 'true');
    await expect(apply).toBeDisabled();
    await field('Angebot & Verhandlung').fill('11');
    await expect(page.getByRole('alert')).toHaveText('Gib eine Zahl von 0 bis 10 ein.');
    await field('Angebot & Verhandlung').fill('9.5');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await field('Abschluss').fill('2');
    // Arrow keys step the value, as in a number field.
    await field('Abschluss').press('ArrowUp');
    await expect(field('Abschluss')).toHaveValue('3');
    await apply.click();
    await expect(chart(page)).toHaveAttribute('data-curve-count', '1');

    await page.keyboard.press('Alt+3');
    await page.keyboard.press('ArrowRight');
    const [row] = await readCurveValues(page);
    expect(row![1]).toBe('9,5'); // Erstkontakt
    expect(row![3]).toBe('9,5'); // Angebot & Verhandlung
    expect(row!.at(-1)).toBe('3,0'); // Abschluss
  });

  test('phase widths and milestone positions take a decimal comma too', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Neue Retro beginnen' }).click();
    const position = page.getByRole('spinbutton', { name: /^Position von Übergabe/ });
    await position.fill('42.5');
    await position.press('Tab');
    await expect(position).toHaveValue('42,5');
    const width = page.getByRole('spinbutton', { name: 'Breite von Kickoff' });
    await width.fill('2,5');
    await width.press('Enter');
    await expect(width).toHaveValue('2,5');
    // Outside the field: in it, Ctrl+Z is the field's own text undo.
    await width.blur();
    await page.keyboard.press('Control+z');
    await expect(width).toHaveValue('1');
  });
});

test.describe('typing values, in English', () => {
  test.use({ locale: 'en-US' });

  test('reads "9.5" and "9,5" alike and says in English what is wrong', async ({ page }) => {
    await page.goto('/');
    await startNewRetro(page);
    await addParticipant(page, 'Kim', 'Customer');
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: /^Kim\b/ }).click();
    await page.getByRole('button', { name: 'I am Kim — start drawing' }).click();
    await page.getByRole('button', { name: /Type values instead/ }).click();
    const field = (phase: string) => page.getByRole('spinbutton', { name: phase, exact: true });
    await field('First contact').fill('9.5');
    await field('Closing').fill('x');
    await expect(page.getByRole('alert')).toHaveText('Enter a number, e.g. 9.5.');
    await field('Closing').fill('9,5');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: 'Use these values' }).click();
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('ArrowRight');
    const [row] = await readCurveValues(page);
    expect(row![1]).toBe('9.5');
    expect(row!.at(-1)).toBe('9.5');
  });
});

test.describe('removing', () => {
  test.use({ locale: 'en-US' });

  test('a participant with a curve goes at once, the notice offers Undo, and the focus is safe', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Overstretched/ }).click();
    await page.keyboard.press('Alt+1');
    const names = page.getByTestId('participants').getByRole('textbox');
    const before = await names.count();
    await expect(page.getByRole('textbox', { name: 'Name of Anna' })).toBeVisible();

    await page.getByRole('button', { name: 'Remove Anna' }).click();
    await expect(page.getByRole('textbox', { name: 'Name of Anna' })).toHaveCount(0);
    await expect(names).toHaveCount(before - 1);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('Anna removed, with their curve.');
    // Not on the next row's ✕: a second press would remove the next person.
    await expect(page.getByRole('heading', { name: /^Participants/ })).toBeFocused();

    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('textbox', { name: 'Name of Anna' })).toBeVisible();
    await expect(notice).toHaveCount(0);
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('button', { name: /^Anna\b/ })).toContainText('drawn');
  });

  test('an empty team and a round go with an Undo too', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Overstretched/ }).click();
    await page.keyboard.press('Alt+1');
    await page.getByRole('button', { name: '+ Add team' }).click();
    await page.getByRole('button', { name: 'Remove New team' }).click();
    await expect(page.getByTestId('notice')).toContainText('Team New team removed.');
    await expect(page.getByRole('heading', { name: 'Teams' })).toBeFocused();

    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: '+ New round' }).click();
    await page.getByRole('button', { name: 'Add round' }).click();
    await expect(page.getByRole('combobox', { name: 'Round' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove this round' }).click();
    await expect(page.getByTestId('notice')).toContainText('removed.');
    await expect(page.getByRole('combobox', { name: 'Round' })).toHaveCount(0);
    await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('combobox', { name: 'Round' })).toBeVisible();
  });

  test('two participants with one name are pointed out', async ({ page }) => {
    await page.goto('/');
    await startNewRetro(page);
    await addParticipant(page, 'Anna', 'Sales');
    await page.getByRole('textbox', { name: 'Name or alias', exact: true }).fill(' anna');
    await expect(page.getByText('There is already a participant called “anna”.')).toBeVisible();
    await page.getByRole('button', { name: '+ Add participant' }).click();
    await expect(page.getByText('Two participants are called “Anna”', { exact: false })).toHaveCount(2);
    for (const field of await page.getByTestId('participants').getByRole('textbox').all()) {
      await expect(field).toHaveAttribute('aria-invalid', 'true');
    }
  });
});
