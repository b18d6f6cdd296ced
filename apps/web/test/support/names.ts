/** A word as a pattern: its own spaces match any space (Intl writes "7:30 p. m." with no-break spaces). */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/**
 * A control named by its visible words, in order (WCAG 2.5.3): "A0", "2 seats", "Free". Engines join
 * a button's parts differently (jsdom not at all, Chromium with a space around each block), so any
 * run of spaces and the hidden separators (",", ":") between them matches.
 */
export const namedBy = (...words: string[]) => new RegExp(`^${words.map(escaped).join('[\\s,:]+')}$`);

/** A floor table's button in any state, whatever its seats: "A0", "6 seats", "Taken". */
export const tableNamed = (label: string, state: string) => new RegExp(`^${escaped(label)}[\\s,]+\\d+ seats?[\\s,]+${escaped(state)}$`);
