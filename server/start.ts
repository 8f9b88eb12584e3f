import { loadConfig } from './config.ts'
import { runServer } from './run.ts'

// `npm start`: the app and the embedded API (or the proxy, with INFLUX_URL).
await runServer(loadConfig(process.env))
