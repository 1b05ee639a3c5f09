import { parentPort } from 'node:worker_threads';
import { flattenParsed, parseDocument, type ParseJob } from './parse-document.js';

/** One parse thread: receives a batch of jobs with their bytes, answers with the parsed files. */
parentPort?.on('message', (batch: { job: ParseJob; bytes: Uint8Array }[]) => {
  parentPort?.postMessage(batch.map(({ job, bytes }) => flattenParsed(parseDocument(job, bytes))));
});
