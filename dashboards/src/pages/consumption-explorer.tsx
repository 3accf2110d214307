import { useCubeQuery } from '@cubejs-client/react';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { buildForecastOption } from '../charts/forecast-band';
import { buildHourlyProfileOption, hourLabel } from '../charts/hourly-profile';
import { buildProfileOption, type ProfileBar } from '../charts/profile-bars';
import { buildTrendOption, formatMetric } from '../charts/trend-line';
import { DataTable, type Column } from '../components/data-table';
import { EChart } from '../components/echart';
import { Freshness } from '../components/freshness';
import { QueryState } from '../components/query-state';
import {
  actualsQuery,
  calendarQuery,
  consumptionFreshnessQuery,
  forecastQuery,
  salesTrendQuery,
  forecastProductsQuery,
  type ConsumptionScope,
} from '../cube/consumption-queries';
import { hourlyProfileQuery } from '../cube/hourly-queries';
import { toHourlyProfile, type HourlyProfile } from '../cube/hourly-rows';
import { calendarProfiles, toForecastView, toTrend, type CalendarProfiles } from '../cube/consumption-rows';
import { formatPeriod, shiftDay } from '../format/date';
import { formatNumber, formatPercent } from '../format/number';
import { BREAKDOWNS, GRAINS, METRICS, type UrlState } from '../state/url-state';
import { GovernorateSelect } from '../components/governorate-select';

const ACTUAL_DAYS_BEFORE_FORECAST = 56;

function Filters() {
  const { t, lang, url, navigate } = useApp();
  const govs = useCubeQuery({
    dimensions: ['consumption.governorate_id', 'consumption.governorate_name_ar', 'consumption.governorate_name_en'],
    order: { 'consumption.governorate_id': 'asc' },
  });
  const govOptions = (govs.resultSet?.rawData() ?? []).map((r) => ({
    id: String(r['consumption.governorate_id']),
    name: String(r[`consumption.governorate_name_${lang}`] ?? r['consumption.governorate_id']),
  }));
  const set = (patch: Partial<UrlState>) => navigate(patch);
  return (
    <form className="filters no-print" data-testid="consumption-filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t.metric}{' '}
        <select
          data-testid="metric-select"
          value={url.metric}
          onChange={(e) => set({ metric: e.target.value as UrlState['metric'] })}
        >
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {t[`metric_${m}`]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.grain}{' '}
        <select
          data-testid="grain-select"
          value={url.grain}
          onChange={(e) => set({ grain: e.target.value as UrlState['grain'] })}
        >
          {GRAINS.map((g) => (
            <option key={g} value={g}>
              {t[`grain_${g}`]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.breakdown}{' '}
        <select data-testid="by-select" value={url.by} onChange={(e) => set({ by: e.target.value as UrlState['by'] })}>
          {BREAKDOWNS.map((b) => (
            <option key={b} value={b}>
              {t[`by_${b}`]}
            </option>
          ))}
        </select>
      </label>
      <GovernorateSelect
        label={t.governorate}
        allLabel={t.allGovernorates}
        options={govOptions}
        value={url.gov}
        onChange={(gov) => set({ gov, coop: null })}
      />
      <label>
        {t.from}{' '}
        <input
          type="date"
          data-testid="from-input"
          value={url.from ?? ''}
          onChange={(e) => set({ from: e.target.value || null })}
        />
      </label>
      <label>
        {t.to}{' '}
        <input
          type="date"
          data-testid="to-input"
          value={url.to ?? ''}
          onChange={(e) => set({ to: e.target.value || null })}
        />
      </label>
    </form>
  );
}

function TrendPanel({ scope }: { scope: ConsumptionScope }) {
  const { t, lang, url } = useApp();
  const { grain, by, metric } = url;
  const query = useMemo(() => salesTrendQuery(scope, grain, by, metric), [scope, grain, by, metric]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query);
  const trend = useMemo(
    () => toTrend(resultSet?.rawData() ?? [], { by, grain, metric, lang, othersName: t.others, totalName: t.total }),
    [resultSet, by, grain, metric, lang, t],
  );
  const option = useMemo(() => buildTrendOption({ trend, metric, grain, lang }), [trend, metric, grain, lang]);
  type Row = (typeof trend.source)[number];
  const columns: Column<Row>[] = [
    {
      key: 'period',
      header: t.period,
      value: (r) => String(r.period),
      render: (r) => formatPeriod(String(r.period), grain, lang),
    },
    ...trend.series.map((s) => ({
      key: s.id,
      header: s.name,
      numeric: true,
      value: (r: Row) => (typeof r[s.id] === 'number' ? Math.round((r[s.id] as number) * 1000) / 1000 : null),
      render: (r: Row) => formatMetric(r[s.id], metric, lang),
    })),
  ];
  return (
    <section className="panel" data-testid="trend-panel">
      <h2>
        {t.salesOverTime}{' '}
        <small>
          {t[`metric_${metric}`]} · {t[`by_${by}`]}
        </small>
      </h2>
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={trend.source.length === 0}
        onRetry={() => void refetch()}
        minHeight={360}
      >
        <EChart option={option} height={360} testId="trend-chart" ariaLabel={t.salesOverTime} />
        <details data-testid="trend-details">
          <summary>{t.showTable}</summary>
          <DataTable
            title={t.salesOverTime}
            columns={columns}
            rows={trend.source}
            rowKey={(r) => String(r.period)}
            testId="trend-table"
          />
        </details>
      </QueryState>
    </section>
  );
}

function profileBars(p: CalendarProfiles, t: ReturnType<typeof useApp>['t']) {
  const weekday: ProfileBar[] = p.weekday.map((w) => ({
    label: t[`dow_${w.dow}` as 'dow_1'],
    avg: w.avg,
    days: w.days,
    highlight: w.weekend,
  }));
  const kinds: ProfileBar[] = p.dayKinds.map((k) => ({
    label: t[`kind_${k.kind}`],
    avg: k.avg,
    days: k.days,
    highlight: k.kind !== 'working',
  }));
  const month: ProfileBar[] = p.dayOfMonth.map((d) => ({
    label: String(d.day),
    avg: d.avg,
    days: d.days,
    highlight: false,
  }));
  return { weekday, kinds, month };
}

function SeasonalityPanel({ scope }: { scope: ConsumptionScope }) {
  const { t, lang, url } = useApp();
  const { metric } = url;
  const query = useMemo(() => calendarQuery(scope, metric), [scope, metric]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query);
  const profiles = useMemo(() => calendarProfiles(resultSet?.rawData() ?? [], metric), [resultSet, metric]);
  const bars = useMemo(() => profileBars(profiles, t), [profiles, t]);
  const month = useMemo(
    () => bars.month.map((b) => ({ ...b, label: formatNumber(Number(b.label), lang) })),
    [bars, lang],
  );
  const options = useMemo(
    () => ({
      weekday: buildProfileOption({ bars: bars.weekday, metric, lang, valueLabel: t.averagePerDay }),
      kinds: buildProfileOption({ bars: bars.kinds, metric, lang, valueLabel: t.averagePerDay }),
      month: buildProfileOption({ bars: month, metric, lang, valueLabel: t.averagePerDay }),
    }),
    [bars, month, metric, lang, t],
  );
  type KindRow = CalendarProfiles['dayKinds'][number];
  const columns: Column<KindRow>[] = [
    { key: 'kind', header: t.dayKind, value: (r) => t[`kind_${r.kind}`] },
    {
      key: 'avg',
      header: t.averagePerDay,
      numeric: true,
      value: (r) => Math.round(r.avg * 1000) / 1000,
      render: (r) => formatMetric(r.avg, metric, lang),
    },
    {
      key: 'index',
      header: t.indexVsWorking,
      numeric: true,
      value: (r) => r.index,
      render: (r) => formatPercent(r.index, lang),
    },
    { key: 'days', header: t.dayCount, numeric: true, value: (r) => r.days, render: (r) => formatNumber(r.days, lang) },
  ];
  return (
    <section className="panel" data-testid="seasonality-panel">
      <h2>{t.seasonality}</h2>
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={profiles.dayKinds.length === 0}
        onRetry={() => void refetch()}
        minHeight={280}
      >
        <div className="chart-grid">
          <figure>
            <figcaption>{t.weekdayProfile}</figcaption>
            <EChart option={options.weekday} height={260} testId="weekday-chart" ariaLabel={t.weekdayProfile} />
          </figure>
          <figure>
            <figcaption>{t.dayKindProfile}</figcaption>
            <EChart option={options.kinds} height={260} testId="daykind-chart" ariaLabel={t.dayKindProfile} />
          </figure>
          <figure className="wide">
            <figcaption>{t.dayOfMonthProfile}</figcaption>
            <EChart option={options.month} height={220} testId="day-of-month-chart" ariaLabel={t.dayOfMonthProfile} />
          </figure>
        </div>
        <DataTable
          title={t.dayKindProfile}
          columns={columns}
          rows={profiles.dayKinds}
          rowKey={(r) => r.kind}
          testId="daykind-table"
        />
      </QueryState>
    </section>
  );
}

function HourlyPanel({ scope }: { scope: ConsumptionScope }) {
  const { t, lang, url } = useApp();
  const { metric } = url;
  const query = useMemo(() => hourlyProfileQuery(scope, metric), [scope, metric]);
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query);
  const profile = useMemo(() => toHourlyProfile(resultSet?.rawData() ?? [], metric), [resultSet, metric]);
  const option = useMemo(
    () =>
      buildHourlyProfileOption({
        profile,
        lang,
        names: { working: t.hourKind_working, weekend: t.hourKind_weekend, ramadan: t.hourKind_ramadan },
      }),
    [profile, lang, t],
  );
  type HourRow = HourlyProfile['hours'][number];
  const hourColumns: Column<HourRow>[] = [
    { key: 'hour', header: t.hourOfDay, value: (r) => r.hour, render: (r) => hourLabel(r.hour, lang) },
    ...profile.kinds.map((k): Column<HourRow> => ({
      key: k,
      header: t[`hourKind_${k}`],
      numeric: true,
      value: (r) => r[k],
      render: (r) => formatPercent(r[k], lang, 1),
    })),
  ];
  return (
    <section className="panel" data-testid="hourly-panel">
      <h2>{t.hourlyProfile}</h2>
      <p className="hint">{t.hourlyProfileNote}</p>
      <QueryState
        isLoading={isLoading}
        error={error}
        isEmpty={profile.kinds.length === 0}
        onRetry={() => void refetch()}
        minHeight={300}
      >
        <EChart option={option} height={300} testId="hourly-chart" ariaLabel={t.hourlyProfile} />
        <details data-testid="hourly-details">
          <summary>{t.showTable}</summary>
          <DataTable
            title={t.hourlyProfile}
            columns={hourColumns}
            rows={profile.hours}
            rowKey={(r) => String(r.hour)}
            testId="hourly-table"
          />
        </details>
      </QueryState>
    </section>
  );
}

/** The first and last forecast day (the actuals are asked from a while before the first). */
function forecastSpan(rows: readonly Record<string, unknown>[]): { firstDay: string | null; lastDay: string | null } {
  const days = rows
    .map((r) => String(r['demand_forecast.ds.day'] ?? '').slice(0, 10))
    .filter(Boolean)
    .sort();
  return { firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null };
}

interface ProductOption {
  id: string;
  name: string;
}

/** The products with a forecast, largest expected demand first; one from a shared link stays listed. */
function ForecastProductSelect({
  options,
  productId,
}: {
  options: readonly ProductOption[];
  productId: string | null;
}) {
  const { t, url, navigate } = useApp();
  return (
    <div className="filters no-print">
      <label>
        {t.forecastProduct}{' '}
        <select
          data-testid="product-select"
          value={productId ?? ''}
          onChange={(e) => navigate({ product: e.target.value || null })}
        >
          {options.length === 0 && <option value="">{t.chooseProduct}</option>}
          {url.product && !options.some((p) => p.id === url.product) && (
            <option value={url.product}>{url.product}</option>
          )}
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The product's forecast rows and, once their days are known, its actual sales from a while before them. */
function useForecastView(productId: string | null, coopId: string | null) {
  const fq = useMemo(() => forecastQuery(productId ?? '0', coopId), [productId, coopId]);
  const forecasts = useCubeQuery(fq, { skip: !productId });
  const forecastRows = useMemo(() => forecasts.resultSet?.rawData() ?? [], [forecasts.resultSet]);
  const { firstDay, lastDay } = forecastSpan(forecastRows);
  const aq = useMemo(
    () =>
      actualsQuery(
        productId ?? '0',
        coopId,
        firstDay ? shiftDay(firstDay, -ACTUAL_DAYS_BEFORE_FORECAST) : '1970-01-01',
        lastDay ?? '1970-01-01',
      ),
    [productId, coopId, firstDay, lastDay],
  );
  const actuals = useCubeQuery(aq, { skip: !productId || !firstDay });
  const view = useMemo(
    () => toForecastView(forecastRows, actuals.resultSet?.rawData() ?? []),
    [forecastRows, actuals.resultSet],
  );
  const isLoading = forecasts.isLoading || (Boolean(firstDay) && actuals.isLoading);
  return { view, isLoading, error: forecasts.error ?? actuals.error, refetch: forecasts.refetch };
}

function ForecastPanel({ scope }: { scope: ConsumptionScope }) {
  const { t, lang, url } = useApp();
  const products = useCubeQuery(useMemo(() => forecastProductsQuery(scope.coopId), [scope.coopId]));
  const productOptions = (products.resultSet?.rawData() ?? []).map((r) => ({
    id: String(r['demand_forecast.product_id']),
    name: String(r[`demand_forecast.product_name_${lang}`] ?? r['demand_forecast.product_id']),
  }));
  // Without a choice, the product with the largest expected demand: the forecast most people come for.
  const productId = url.product ?? productOptions[0]?.id ?? null;
  const forecast = useForecastView(productId, scope.coopId ?? null);
  const { view } = forecast;
  const level = view.level === null ? '' : formatPercent(view.level, lang);
  const option = useMemo(
    () =>
      buildForecastOption({
        points: view.points,
        lang,
        labels: { actual: t.actual, forecast: t.forecast, interval: t.interval.replace('{level}', level) },
      }),
    [view, lang, t, level],
  );
  return (
    <section className="panel" data-testid="forecast-panel">
      <h2>{t.forecastTitle}</h2>
      <ForecastProductSelect options={productOptions} productId={productId} />
      <QueryState
        isLoading={products.isLoading || forecast.isLoading}
        error={products.error ?? forecast.error}
        isEmpty={!productId || view.points.every((p) => p.yhat === null)}
        onRetry={() => void forecast.refetch()}
        minHeight={320}
      >
        <EChart option={option} height={320} testId="forecast-chart" ariaLabel={t.forecastTitle} />
        <p className="hint">
          {t.forecastNote} {t.forecastModel}: <span dir="ltr">{view.models.join(', ')}</span>
        </p>
      </QueryState>
    </section>
  );
}

export default function ConsumptionExplorer() {
  const { t, url } = useApp();
  const scope = useMemo<ConsumptionScope>(
    () => ({ governorateId: url.gov, coopId: url.coop, from: url.from, to: url.to }),
    [url.gov, url.coop, url.from, url.to],
  );
  const freshness = useMemo(() => consumptionFreshnessQuery(scope), [scope]);
  return (
    <main className="page" data-page="consumption">
      <header className="page-header">
        <h1>{t.consumption}</h1>
        <Freshness query={freshness} member="consumption.business_date" />
      </header>
      <Filters />
      <TrendPanel scope={scope} />
      <SeasonalityPanel scope={scope} />
      <HourlyPanel scope={scope} />
      <ForecastPanel scope={scope} />
    </main>
  );
}
