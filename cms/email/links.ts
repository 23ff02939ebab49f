import { mailSettings } from './settings'
import { signToken } from './tokens'

/** Site pages of the subscription flow (site/pages/nhan-thong-bao/). */
export const SUBSCRIBE_PATH = '/nhan-thong-bao/'
export const CONFIRM_PATH = '/nhan-thong-bao/xac-nhan'
export const UNSUBSCRIBE_PATH = '/nhan-thong-bao/huy'
/** The CMS endpoint mail apps POST to for one-click unsubscribe (RFC 8058). */
export const ONE_CLICK_PATH = '/api/subscribers/unsubscribe'

export const subscribePageUrl = () => `${mailSettings().siteUrl}${SUBSCRIBE_PATH}`
export const confirmUrl = (id: string, tokenKey: string) => `${mailSettings().siteUrl}${CONFIRM_PATH}?t=${signToken('confirm', id, tokenKey)}`
export const unsubscribePageUrl = (id: string) => `${mailSettings().siteUrl}${UNSUBSCRIBE_PATH}?t=${signToken('unsubscribe', id)}`
export const oneClickUnsubscribeUrl = (id: string) => `${mailSettings().serverUrl}${ONE_CLICK_PATH}?t=${signToken('unsubscribe', id)}`
