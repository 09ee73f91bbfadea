// One clock face for the whole product: China Standard Time (UTC+8), on every screen, message and
// export, on both sides, whatever the device's or the server's time zone. The compound lives by it.
// dayjs with the utc plugin and a fixed +08:00 offset: China keeps no daylight saving time, and a fixed
// offset needs no Intl time-zone data (which older WeChat Android runtimes lack), unlike dayjs/timezone.
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

export const CHINA_UTC_OFFSET_MIN = 8 * 60;

type Instant = Date | string | number;

/**
 * An instant as China wall-clock time, for formatting and calendar arithmetic (year, add a day, start
 * of a month) — never for `.toDate()`: the value is the wall clock carried in a UTC-mode dayjs, because
 * dayjs's own `utcOffset(480)` is an hour off around the *machine's* daylight-saving changes (seen with
 * TZ=America/New_York). China keeps no daylight saving, so a fixed +8 hours is exact.
 */
export function china(t: Instant): Dayjs {
  return dayjs.utc(t).add(CHINA_UTC_OFFSET_MIN, 'minute');
}

/** The instant of a China wall-clock time 'YYYY-MM-DD[ HH:mm[:ss]]'. */
export function fromChina(wall: string): Date {
  const [day, time = '00:00:00'] = wall.split(' ');
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

/** 2026-12-01 14:00 — messages and exports. */
export function beijingTime(t: Instant): string {
  return china(t).format('YYYY-MM-DD HH:mm');
}

/** 2026-12-01 14:00:05 — ledgers that need the second. */
export function beijingSeconds(t: Instant): string {
  return china(t).format('YYYY-MM-DD HH:mm:ss');
}

/** The calendar month an instant falls in, in China: '2026-12'. */
export function monthOf(t: Instant): string {
  return china(t).format('YYYY-MM');
}

/** This month and the ones before it (China time), newest first: ['2026-12', '2026-11', …]. */
export function recentMonths(now: Instant, count = 6): string[] {
  const [y, m] = monthOf(now).split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const idx = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** '2026-12' → '2026年12月'. */
export const monthLabel = (m: string): string => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`;

/** 'M月D日', with the year when it is not the current one. */
function dayPattern(d: Dayjs, now: Instant): string {
  return d.year() === china(now).year() ? 'M月D日' : 'YYYY年M月D日';
}

/** 12月1日 14:00 (the year shown when it is not this year's). */
export function dateTime(t: Instant, now: Instant = Date.now()): string {
  const d = china(t);
  return d.format(`${dayPattern(d, now)} HH:mm`);
}

/** 12月1日 14:00–16:00, or 12月1日 14:00 – 12月2日 12:00 across days. */
export function timeRange(start: Instant, end: Instant, now: Instant = Date.now()): string {
  const a = china(start);
  const b = china(end);
  const from = a.format(`${dayPattern(a, now)} HH:mm`);
  if (a.format('YYYY-MM-DD') === b.format('YYYY-MM-DD')) return `${from}–${b.format('HH:mm')}`;
  return `${from} – ${b.format(`${dayPattern(b, now)} HH:mm`)}`;
}

/** 3 分钟前, 2 天后. */
export function fromNow(t: Instant, now: Instant = Date.now()): string {
  return dayjs(t).from(dayjs(now));
}

// ---- times typed into forms: 'YYYY-MM-DD HH:mm' in China time ----------------------------------

const FORM_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** Is this a real 'YYYY-MM-DD HH:mm' (no 2月30日, no 24:00)? */
export function isFormTime(text: string): boolean {
  const m = FORM_TIME.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60;
}

/** '2026-11-28 14:00' → '2026-11-28T14:00:00+08:00'. */
export function formTimeToIso(text: string): string {
  return `${text.replace(' ', 'T')}:00+08:00`;
}

/** An instant as a form shows it. */
export function isoToFormTime(t: Instant): string {
  return china(t).format('YYYY-MM-DD HH:mm');
}

/** The day `days` after `from` (China time) at `hhmm`. */
export function formDay(days: number, hhmm: string, from: Instant = Date.now()): string {
  return `${china(from).add(days, 'day').format('YYYY-MM-DD')} ${hhmm}`;
}
