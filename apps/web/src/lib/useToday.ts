import { useEffect, useState } from 'react';
import { localDay, type CalendarDay } from './days.ts';

/** Today's local day, which turns over at local midnight even while the page stays open. */
export function useToday(): CalendarDay {
  const [today, setToday] = useState(() => localDay());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    // Each midnight's timer sets the day and arms the next one.
    const armForNextMidnight = () => {
      const now = new Date();
      const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
      // A second late, so the clock has surely crossed into the new day.
      const delay = nextMidnight.getTime() - now.getTime() + 1000;
      timer = setTimeout(() => {
        setToday(localDay());
        armForNextMidnight();
      }, delay);
    };
    armForNextMidnight();
    return () => clearTimeout(timer);
  }, []);
  return today;
}
