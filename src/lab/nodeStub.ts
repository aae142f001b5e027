// Stands in for Node's net, tls, zlib and crypto in the code lab's bundle (vite.config.ts):
// KafkaJS reaches them only on paths the lab never takes (its default socket factory, gzip,
// SCRAM, the legacy partitioner).
export default {};
