// Inputs that a conformance case only describes in words, rebuilt from the cited upstream test.

/** tulios/kafkajs src/protocol/recordBatch/crc32C/index.spec.js, 'perform CRC32C computations'. */
export const LOREM_1024 =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Morbi mollis cursus metus vel ' +
  'tristique. Proin congue massa massa, a malesuada dolor ullamcorper a. Nulla eget leo vel orci ' +
  'venenatis placerat. Donec semper condimentum justo, vel sollicitudin dolor consequat id. Nunc ' +
  'sed aliquet felis, eget congue nisi. Mauris eu justo suscipit, elementum turpis ut, molestie ' +
  'tellus. Mauris ornare rutrum fringilla. Nulla dignissim luctus pretium. Nullam nec eros ' +
  'hendrerit sapien pellentesque sollicitudin. Integer eget ligula dui. Mauris nec cursus nibh. ' +
  'Nunc interdum elementum leo, eu sagittis eros sodales nec. Duis dictum nulla sed tincidunt ' +
  'malesuada. Quisque in vulputate sapien. Sed sit amet tellus a est porta rhoncus sed eu metus. ' +
  'Mauris non pulvinar nisl, volutpat luctus enim. Suspendisse est nisi, sagittis at risus quis, ' +
  'ultricies rhoncus sem. Donec ullamcorper purus eget sapien facilisis, eu eleifend felis ' +
  'viverra. Suspendisse elit neque, semper aliquet neque sed, egestas tempus leo. Duis ' +
  'condimentum turpis duis.';
