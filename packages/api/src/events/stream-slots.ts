/** Caps how many live streams one client address holds open at once (in this process). */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly perClient: number) {}

  /** A release function, or undefined when the address is at its cap. */
  acquire(clientAddress: string): (() => void) | undefined {
    const current = this.open.get(clientAddress) ?? 0;
    if (current >= this.perClient) return undefined;
    this.open.set(clientAddress, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const remaining = (this.open.get(clientAddress) ?? 1) - 1;
      if (remaining <= 0) this.open.delete(clientAddress);
      else this.open.set(clientAddress, remaining);
    };
  }

  count(clientAddress: string): number {
    return this.open.get(clientAddress) ?? 0;
  }
}
