// Masking of personal data at the point it leaves a function (DESIGN §5, PIPL art. 25).

/** 13812341234 → 138****1234; anything shorter keeps only its last two digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`;
}

/** 王建国 → 王**; 欧阳娜娜 → 欧***; a latin name keeps its first letter. */
export function maskName(name: string | null | undefined): string {
  if (!name) return '匿名';
  const chars = [...name.trim()];
  if (chars.length <= 1) return `${chars[0] ?? ''}*`;
  return chars[0] + '*'.repeat(chars.length - 1);
}
