import { ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GeoComponent } from 'echarts/components';
import { Chart } from '../../components/Chart';
import { echarts } from '../../components/echarts';

// What only these pages draw (stations on the map, zoomable history), added to the shared set when they load.
echarts.use([ScatterChart, GeoComponent, DataZoomComponent]);

export { echarts };

/** The shared chart wrapper, with the monitoring pages' extra ECharts parts (import lazily: it pulls in ECharts). */
export default Chart;
