import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import { echarts } from '../charts/echarts-setup';

interface Props {
  option: EChartsOption;
  height: number | string;
  /** Read by tests and the benchmark: the first completed draw of this chart. */
  testId?: string;
  ariaLabel: string;
  onItemClick?: (id: string) => void;
}

/** A thin owner of one ECharts instance: create once, replace the option, resize with the box, dispose. */
export function EChart({ option, height, testId, ariaLabel, onItemClick }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('finished', () => {
      node.dataset.chartReady = 'true';
      if (!window.__rabtFirstChart) {
        window.__rabtFirstChart = performance.now();
        // A user-timing mark too, so a performance trace shows it beside largest-contentful-paint.
        performance.mark('rabt:first-chart');
      }
    });
    c.on('click', (p) => {
      const data = p.data as { id?: string } | undefined;
      const id = data?.id ?? (p.name || undefined);
      if (id) click.current?.(id);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(node);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} className="echart" style={{ height }} data-testid={testId} role="img" aria-label={ariaLabel} />;
}

declare global {
  interface Window {
    __rabtFirstChart?: number;
  }
}
