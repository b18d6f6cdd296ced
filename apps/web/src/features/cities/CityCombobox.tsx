import type { CityOutput } from '@tablebook/api/shared';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { cityLabel, enterChoice, groupByDepartment, groupMatches, matchCities, typedCity } from './cityGroups.ts';
import './cities.css';

interface CityComboboxProps {
  label: string;
  cities: readonly CityOutput[];
  value: number | undefined;
  onChange: (cityId: number | undefined) => void;
  /** When given, the first option clears the choice ("Any city"); a form that needs a city leaves it out. */
  anyLabel?: string;
  invalid?: boolean;
  /** Id of the element that explains an error, read out with the field. */
  errorId?: string;
  disabled?: boolean;
  placeholder?: string;
}

/** One choice in the popup: a city, or "any city". */
type Choice = { kind: 'any' } | { kind: 'city'; city: CityOutput };

/** No option is active: the arrow keys have not moved into the list yet, and Enter takes the best match. */
const IN_INPUT = -1;

/**
 * A searchable city picker (ARIA 1.2 combobox with a grouped listbox): type part of a city or
 * department, and the matches are listed best first (an exact name first), grouped by department.
 * Enter takes the best match when it matches by its name (see enterChoice), or the option the arrow
 * keys moved to (the first arrow down lands on the best match, never past it); text that only a
 * department matches is kept, with the list and a note to pick from it. Escape closes and goes back to
 * the chosen city. What was typed is never thrown away: leaving the box keeps the city it names beyond
 * doubt, or keeps the text, with no city chosen and a note saying so. 1103 cities.
 */
export function CityCombobox({
  label,
  cities,
  value,
  onChange,
  anyLabel,
  invalid = false,
  errorId,
  disabled = false,
  placeholder,
}: CityComboboxProps) {
  const { t } = useI18n();
  const inputId = useId();
  const listId = useId();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  /** What the reader typed; null while the box simply shows the chosen city. */
  const [query, setQuery] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(IN_INPUT);
  /** The city just picked, shown until the new value comes back (an address bar's update lands a moment later). */
  const [picked, setPicked] = useState<{ city: CityOutput | undefined } | null>(null);
  /** Enter was pressed on text that names no city by itself: the note says to pick from the list. */
  const [enterRefused, setEnterRefused] = useState(false);

  const selected = useMemo(() => cities.find((city) => city.id === value), [cities, value]);
  const typing = query !== null && query.trim() !== '';
  const matches = useMemo(() => (typing ? matchCities(cities, query) : []), [cities, query, typing]);
  const groups = useMemo(() => (typing ? groupMatches(matches) : groupByDepartment(cities)), [typing, matches, cities]);
  const choices = useMemo<Choice[]>(() => {
    const cityChoices = groups.flatMap((group) => group.cities.map((city): Choice => ({ kind: 'city', city })));
    // Once something is typed, "any city" is not what is being looked for: the matches come first.
    return anyLabel && !typing ? [{ kind: 'any' }, ...cityChoices] : cityChoices;
  }, [groups, anyLabel, typing]);
  /** What Enter takes while no option is active: the best match of what was typed, when it is a city's name. */
  const best = typing ? enterChoice(matches, query) : undefined;

  // A city chosen from outside (or a new one picked) is shown as itself.
  useEffect(() => {
    setPicked(null);
    if (value !== undefined) setQuery(null);
  }, [value]);

  const optionId = (choice: Choice) => `${listId}-${choice.kind === 'any' ? 'any' : choice.city.id}`;
  const activeChoice = open && activeIndex >= 0 ? choices[activeIndex] : undefined;
  const activeId = activeChoice ? optionId(activeChoice) : undefined;

  useEffect(() => {
    // Keep the highlighted option visible while the arrow keys move through a long list.
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const openList = () => {
    if (disabled) return;
    setOpen(true);
    if (typing) {
      setActiveIndex(IN_INPUT);
      return;
    }
    // Start on the chosen city so Enter keeps it and the arrows move from it.
    const current = choices.findIndex((choice) => (choice.kind === 'city' ? choice.city.id === value : value === undefined));
    setActiveIndex(current);
  };

  const choose = (choice: Choice) => {
    const city = choice.kind === 'any' ? undefined : choice.city;
    if (city?.id !== value) setPicked({ city });
    onChange(city?.id);
    setOpen(false);
    setQuery(null);
  };

  /** Leaving the box: the city the text names beyond doubt, else the text stays and no city is chosen. */
  const settle = () => {
    setOpen(false);
    if (query === null) return;
    if (!typing) {
      // Emptied: no city (a form that needs one says so).
      if (value !== undefined) onChange(undefined);
      setQuery(null);
      return;
    }
    const named = typedCity(cities, query);
    if (named) {
      if (named.id !== value) setPicked({ city: named });
      onChange(named.id);
      setQuery(null);
    } else if (value !== undefined) {
      onChange(undefined);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList();
        else setActiveIndex((index) => Math.min(index + 1, choices.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        // Above the first option is the text box itself again.
        if (open) setActiveIndex((index) => Math.max(index - 1, IN_INPUT));
        break;
      case 'Enter': {
        if (!open && query === null) break;
        // Picking a city must not submit the surrounding form.
        event.preventDefault();
        if (activeChoice) choose(activeChoice);
        else if (best) choose({ kind: 'city', city: best });
        else if (!typing) settle();
        else {
          // No city by that name (nothing matches, or only a department): the text stays, with the
          // list and a note to pick from it; no city stays chosen behind text that no longer names it.
          setOpen(true);
          setEnterRefused(true);
          if (value !== undefined) onChange(undefined);
        }
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setQuery(null);
        }
        break;
    }
  };

  const matchCount = choices.filter((choice) => choice.kind === 'city').length;
  const shown = picked ? picked.city : selected;
  const shownText = query ?? (shown ? cityLabel(shown) : '');
  /** Text left in the box that names no city: said beside it, so nobody takes it for a choice. */
  const unsettled = !open && typing && value === undefined;
  /** Enter pressed on text that names no city by itself, the list still open: it says so at its top (and aloud). */
  const refusedInList = open && enterRefused && typing;
  const note = matches.length === 0 ? t.cityPicker.noMatch : t.cityPicker.notChosen(matches.length);
  const describedBy = [errorId, unsettled ? noteId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className="combobox">
      <label htmlFor={inputId} className="field__label">
        {label}
      </label>
      <div className="combobox__control">
        <input
          id={inputId}
          className="input combobox__input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={invalid || unsettled || undefined}
          aria-describedby={describedBy}
          disabled={disabled}
          placeholder={placeholder ?? (anyLabel ? anyLabel : t.cityPicker.placeholder)}
          value={shownText}
          onChange={(event) => {
            setQuery(event.target.value);
            setEnterRefused(false);
            setOpen(true);
            setActiveIndex(IN_INPUT);
          }}
          onClick={() => (open ? undefined : openList())}
          onKeyDown={onKeyDown}
          onBlur={settle}
        />
        {anyLabel && selected && !open ? (
          <button
            type="button"
            className="combobox__clear"
            aria-label={t.cityPicker.clear}
            disabled={disabled}
            onClick={() => onChange(undefined)}
          >
            ×
          </button>
        ) : null}
      </div>
      {open ? (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA APG combobox pattern: a list whose options are announced through aria-activedescendant, as a ul with role listbox
        <ul id={listId} role="listbox" aria-label={label} className="combobox__list">
          {refusedInList && matchCount > 0 ? (
            <li role="presentation" className="combobox__empty combobox__refused">
              {note}
            </li>
          ) : null}
          {anyLabel && !typing ? (
            <ChoiceOption
              id={optionId({ kind: 'any' })}
              active={activeId === optionId({ kind: 'any' })}
              selected={value === undefined}
              onPick={() => choose({ kind: 'any' })}
            >
              {anyLabel}
            </ChoiceOption>
          ) : null}
          {groups.map((group, groupIndex) => (
            <li key={group.department} role="presentation">
              {/* biome-ignore lint/a11y/useSemanticElements: a group of options inside an ARIA listbox (one department's cities); a fieldset is a group of form controls and has no place in a listbox */}
              <ul role="group" aria-labelledby={`${listId}-group-${groupIndex}`} className="combobox__group">
                <li role="presentation" id={`${listId}-group-${groupIndex}`} className="combobox__group-title">
                  {group.department}
                </li>
                {group.cities.map((city) => {
                  const choice: Choice = { kind: 'city', city };
                  const id = optionId(choice);
                  return (
                    <ChoiceOption
                      key={city.id}
                      id={id}
                      active={activeId === id}
                      isDefault={activeId === undefined && city.id === best?.id}
                      selected={city.id === value}
                      onPick={() => choose(choice)}
                    >
                      {city.name}
                    </ChoiceOption>
                  );
                })}
              </ul>
            </li>
          ))}
          {matchCount === 0 ? (
            <li role="presentation" className="combobox__empty">
              {t.cityPicker.noMatch}
            </li>
          ) : null}
        </ul>
      ) : null}
      {unsettled ? (
        <p id={noteId} className="field__hint combobox__note">
          {note}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {open
          ? refusedInList
            ? note
            : best && activeId === undefined
              ? t.cityPicker.enterPicks(matchCount, cityLabel(best))
              : t.cityPicker.matches(matchCount)
          : ''}
      </p>
    </div>
  );
}

interface ChoiceOptionProps {
  id: string;
  active: boolean;
  /** The best match, taken by Enter while no option is active. */
  isDefault?: boolean;
  selected: boolean;
  onPick: () => void;
  children: string;
}

function ChoiceOption({ id, active, isDefault = false, selected, onPick, children }: ChoiceOptionProps) {
  return (
    // The WAI-ARIA APG combobox pattern: focus stays in the input, which moves the active option with
    // the arrow keys and picks it with Enter (aria-activedescendant); the options take the mouse only.
    // biome-ignore lint/a11y/useFocusableInteractive: APG combobox: options are not focusable, the input keeps focus
    // biome-ignore lint/a11y/useKeyWithClickEvents: APG combobox: the input's onKeyDown handles the keys for every option
    <li
      id={id}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: APG combobox: the listbox's options are li elements with role option
      role="option"
      aria-selected={selected}
      className={`combobox__option${active ? ' combobox__option--active' : ''}${isDefault ? ' combobox__option--default' : ''}`}
      // mousedown would blur the input (closing the list) before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
    >
      {children}
    </li>
  );
}
