// Entry of the dashboards' ECharts bundle (scripts/echarts/build.sh): the namespace window.echarts
// with only the charts, components and renderer the dashboards use.
export * from "echarts/core";
import { use } from "echarts/core";
import { BarChart, LineChart, MapChart, SankeyChart } from "echarts/charts";
import { GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
use([BarChart, LineChart, MapChart, SankeyChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
