'use strict';
// s3rver for the storage tests: `node server.js <directory>` serves S3 on a free loopback port, prints
// "listening <port>" once it answers, and exits when its standard input closes (the test process ended, however).
//
// s3rver 3.7 lacks two multipart calls the store relies on; they are added here over s3rver's own on-disk layout
// (an upload in progress is the folder <directory>/<bucket>/._S3rver_uploads/<uploadId>, holding its key and parts):
//   DELETE /<bucket>/<key>?uploadId=<id>   AbortMultipartUpload
//   GET    /<bucket>?uploads              ListMultipartUploads (without paging)
// Like the rest of s3rver they keep to path-style addressing; unlike it, they do not check signatures.

const fs = require('fs/promises');
const path = require('path');
const S3rver = require('s3rver');

const directory = process.argv[2];
if (!directory) {
  console.error('usage: node server.js <directory>');
  process.exit(2);
}

const uploadsOf = bucket => path.join(directory, bucket, '._S3rver_uploads');
const xml = text =>
  String(text).replace(/[<>&'"]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);
const s3Error = (ctx, status, code, message) => {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`;
};

async function abortMultipartUpload(ctx, bucket, uploadId) {
  if (!/^[0-9a-f]+$/.test(uploadId)) {
    return s3Error(ctx, 404, 'NoSuchUpload', 'The specified upload does not exist.');
  }
  const folder = path.join(uploadsOf(bucket), uploadId);
  try {
    await fs.access(folder);
  } catch {
    return s3Error(ctx, 404, 'NoSuchUpload', 'The specified upload does not exist.');
  }
  await fs.rm(folder, { recursive: true, force: true });
  ctx.status = 204;
}

async function listMultipartUploads(ctx, bucket) {
  let ids = [];
  try {
    ids = await fs.readdir(uploadsOf(bucket));
  } catch {
    // no upload ever started in this bucket
  }
  const uploads = [];
  for (const id of ids.sort()) {
    const folder = path.join(uploadsOf(bucket), id);
    const [key, stat] = await Promise.all([fs.readFile(path.join(folder, 'key'), 'utf8'), fs.stat(folder)]);
    uploads.push(`<Upload><Key>${xml(key)}</Key><UploadId>${id}</UploadId><Initiated>${stat.birthtime.toISOString()}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`);
  }
  ctx.status = 200;
  ctx.type = 'application/xml';
  ctx.body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Bucket>${xml(bucket)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
    `<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${uploads.join('')}</ListMultipartUploadsResult>`;
}

async function missingMultipartCalls(ctx, next) {
  const [bucket, ...key] = ctx.path.split('/').slice(1);
  if (ctx.method === 'DELETE' && bucket && key.length > 0 && 'uploadId' in ctx.query) {
    return abortMultipartUpload(ctx, bucket, String(ctx.query.uploadId));
  }
  if (ctx.method === 'GET' && bucket && key.join('') === '' && 'uploads' in ctx.query) {
    return listMultipartUploads(ctx, bucket);
  }
  return next();
}

async function main() {
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  server.middleware.unshift(missingMultipartCalls);
  const { port } = await server.run();
  process.stdout.write(`listening ${port}\n`);
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
