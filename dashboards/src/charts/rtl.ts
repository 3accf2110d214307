import { dirOf, type Lang } from '../format/locale';

/**
 * Axis and legend placement for a chart read in the page's direction: in Arabic time runs
 * right to left, the value axis stands on the right and the legend starts on the right.
 */
export function rtlLayout(lang: Lang) {
  const rtl = dirOf(lang) === 'rtl';
  return {
    rtl,
    categoryInverse: rtl,
    valuePosition: rtl ? ('right' as const) : ('left' as const),
    legend: rtl ? { right: 8, align: 'right' as const } : { left: 8, align: 'left' as const },
    grid: { top: 40, bottom: 36, left: rtl ? 24 : 64, right: rtl ? 64 : 24 },
  };
}
