import type { CityOutput } from '@tablebook/api/shared';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { cityLabel, groupByDepartment, matchCities } from './cityGroups.ts';

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

/**
 * A searchable city picker (ARIA 1.2 combobox with a grouped listbox): type part of a city or
 * department, move with the arrow keys, Enter picks, Escape closes. 1103 cities, grouped by department.
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
  const [open, setOpen] = useState(false);
  /** What the reader is typing; null while the box simply shows the chosen city. */
  const [query, setQuery] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);

  const selected = useMemo(() => cities.find((city) => city.id === value), [cities, value]);
  const groups = useMemo(() => groupByDepartment(matchCities(cities, query ?? '')), [cities, query]);
  const choices = useMemo<Choice[]>(() => {
    const cityChoices = groups.flatMap((group) => group.cities.map((city): Choice => ({ kind: 'city', city })));
    return anyLabel ? [{ kind: 'any' }, ...cityChoices] : cityChoices;
  }, [groups, anyLabel]);

  const optionId = (choice: Choice) => `${listId}-${choice.kind === 'any' ? 'any' : choice.city.id}`;
  const activeChoice = open ? choices[activeIndex] : undefined;
  const activeId = activeChoice ? optionId(activeChoice) : undefined;

  useEffect(() => {
    // Keep the highlighted option visible while the arrow keys move through a long list.
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const openList = () => {
    if (disabled) return;
    setOpen(true);
    // Start on the chosen city so Enter keeps it and the arrows move from it.
    const current = choices.findIndex((choice) => (choice.kind === 'city' ? choice.city.id === value : value === undefined));
    setActiveIndex(Math.max(0, current));
  };

  const close = () => {
    setOpen(false);
    setQuery(null);
  };

  const choose = (choice: Choice) => {
    onChange(choice.kind === 'any' ? undefined : choice.city.id);
    close();
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
        if (open) setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case 'Enter':
        if (open && activeChoice) {
          // Picking a city must not submit the surrounding form.
          event.preventDefault();
          choose(activeChoice);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        }
        break;
    }
  };

  const matchCount = choices.filter((choice) => choice.kind === 'city').length;
  const shownText = query ?? (selected ? cityLabel(selected) : '');

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
          aria-invalid={invalid || undefined}
          aria-describedby={errorId}
          disabled={disabled}
          placeholder={placeholder ?? (anyLabel ? anyLabel : t.cityPicker.placeholder)}
          value={shownText}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActiveIndex(0);
          }}
          onClick={() => (open ? undefined : openList())}
          onKeyDown={onKeyDown}
          onBlur={close}
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
          {anyLabel ? (
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
                    <ChoiceOption key={city.id} id={id} active={activeId === id} selected={city.id === value} onPick={() => choose(choice)}>
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
      <p className="visually-hidden" aria-live="polite">
        {open ? t.cityPicker.matches(matchCount) : ''}
      </p>
    </div>
  );
}

interface ChoiceOptionProps {
  id: string;
  active: boolean;
  selected: boolean;
  onPick: () => void;
  children: string;
}

function ChoiceOption({ id, active, selected, onPick, children }: ChoiceOptionProps) {
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
      className={`combobox__option${active ? ' combobox__option--active' : ''}`}
      // mousedown would blur the input (closing the list) before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
    >
      {children}
    </li>
  );
}
