import { isIPv6 } from 'node:net'

/**
 * The address a request came from, as the nearest proxy saw it: the last X-Forwarded-For entry.
 * The TLS proxy in front of the CMS and the site appends the client's address there (nginx
 * `$proxy_add_x_forwarded_for`), Next adds the socket's address when no proxy did, and the site
 * server passes its visitor's address on when it calls the CMS. An IPv6 client is counted by its
 * /64 network, which one subscriber line gets whole.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  const address = (forwarded.at(-1) ?? '').replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  if (!address) return 'unknown'
  return isIPv6(address) ? ipv6Network(address) : address
}

function ipv6Network(address: string): string {
  const [head, tail = ''] = address.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
