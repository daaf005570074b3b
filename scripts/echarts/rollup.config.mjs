import { nodeResolve } from "@rollup/plugin-node-resolve";
import replace from "@rollup/plugin-replace";
import terser from "@rollup/plugin-terser";
export default {
  input: "entry.js",
  output: { file: "echarts.ctip.min.js", format: "iife", name: "echarts" },
  plugins: [replace({ preventAssignment: true, values: { "process.env.NODE_ENV": JSON.stringify("production") } }),
            nodeResolve(), terser()],
};
