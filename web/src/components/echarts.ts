import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the app draws, so that the (lazily loaded) ECharts chunk stays small.
echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };
