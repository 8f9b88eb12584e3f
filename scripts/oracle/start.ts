import { influxdPath, startInfluxd } from './influxd.ts'

// `npm run oracle:start`: a throwaway real influxd, set up, until Ctrl-C.
if (!influxdPath()) {
  console.error('influxd is not built on this machine: run `npm run oracle:build` first.')
  process.exit(1)
}
const influxd = await startInfluxd({ log: (line) => console.error(`influxd: ${line}`) })
console.log(`influxd ${influxd.url} (data removed on exit)`)
console.log(`  user     ${influxd.username}`)
console.log(`  password ${influxd.password}`)
console.log(`  org      ${influxd.org} (${influxd.orgID})`)
console.log(`  bucket   ${influxd.bucket} (${influxd.bucketID})`)
console.log(`  token    ${influxd.token}`)
console.log(`Proxy the app to it: INFLUX_URL=${influxd.url} npm start. Ctrl-C stops it.`)

let stopping = false
const shutdown = async () => {
  if (stopping) return
  stopping = true
  await influxd.stop()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
