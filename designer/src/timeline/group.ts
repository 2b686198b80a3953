import dayjs from 'dayjs';

export type ActivityKind = 'call' | 'email' | 'meeting' | 'note';
export const ACTIVITY_KINDS: ActivityKind[] = ['call', 'email', 'meeting', 'note'];

export interface TimelineEntry { id: string; subject: string; kind: string; occurredAt: string; body?: string | null }
export interface TimelineDay { day: string; label: 'today' | 'yesterday' | 'date'; entries: TimelineEntry[] }

/** Entries newest first, grouped by local calendar day (today and yesterday named, older days by date). */
export function groupByDay(entries: TimelineEntry[], now: Date = new Date()): TimelineDay[] {
  const today = dayjs(now).format('YYYY-MM-DD');
  const yesterday = dayjs(now).subtract(1, 'day').format('YYYY-MM-DD');
  const sorted = [...entries].sort((a, b) => dayjs(b.occurredAt).valueOf() - dayjs(a.occurredAt).valueOf());
  const days: TimelineDay[] = [];
  for (const e of sorted) {
    const day = dayjs(e.occurredAt).format('YYYY-MM-DD');
    let group = days[days.length - 1];
    if (!group || group.day !== day) {
      group = { day, label: day === today ? 'today' : day === yesterday ? 'yesterday' : 'date', entries: [] };
      days.push(group);
    }
    group.entries.push(e);
  }
  return days;
}

/** The activity entity's lookups that point to the form's entity (the timeline filters on them). */
export function timelineLookups(activity: { fields: { name: string; type: string; target?: string }[] } | undefined, entity: string): string[] {
  return (activity?.fields ?? []).filter((f) => f.type === 'lookup' && f.target === entity).map((f) => f.name);
}
