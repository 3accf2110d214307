import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { KUWAIT_MAP } from './governorate-map';

// Only the parts the pages draw: the full build would double the first-load bundle.
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

let mapPromise: Promise<void> | null = null;

/** The governorate shapes ship with the app (public/geo), never from a tile server. */
export function ensureKuwaitMap(): Promise<void> {
  mapPromise ??= fetch(`${import.meta.env.BASE_URL}geo/kuwait-governorates.geojson`)
    .then(async (r) => {
      if (!r.ok) throw new Error(`governorate map answered ${r.status}`);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      echarts.registerMap(KUWAIT_MAP, (await r.json()) as any);
    })
    .catch((e: unknown) => {
      mapPromise = null;
      throw e;
    });
  return mapPromise;
}

export { echarts };
