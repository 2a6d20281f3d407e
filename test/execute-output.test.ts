import { parseExecuteOutput } from '../scripts/start/execute-output';

const run = { finished: true, data: { resultData: { runData: { Node: [{ data: { main: [[{ json: { note: 'a } b { "c" \\ d', list: [1, { x: '[' }] } }]] } }] } } } };
const printed = JSON.stringify(run, null, 2);

describe("reading n8n execute --rawOutput's output", () => {
  it('skips the log lines before the run and those n8n prints after it', () => {
    expect(parseExecuteOutput(`Starting execution...\n${printed}\n`)).toEqual(run);
    expect(parseExecuteOutput(`Starting execution...\n${printed}\n{"level":"info","message":"shutting down"}\n`)).toEqual(run);
  });

  it('gives nothing for output without a run or with a cut-off one', () => {
    expect(parseExecuteOutput('Error: workflow not found\n')).toBeUndefined();
    expect(parseExecuteOutput(`log\n${printed.slice(0, -40)}`)).toBeUndefined();
  });
});
