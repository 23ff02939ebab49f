/** The admin navigation's way to the bulk upload of originals (cms/admin/ImportOriginals.tsx). */
export function ImportOriginalsLink() {
  return (
    <a className="nav__link" href="/admin/nhap-ban-goc" style={{ display: 'block', padding: '.25rem 0' }}>
      Nhập bản gốc hàng loạt
    </a>
  )
}

/** The same way in from the dashboard, where editors land, with what it does. */
export function ImportOriginalsCard() {
  return (
    <section aria-label="Nhập bản gốc" style={{ margin: '2rem 0' }}>
      <h2>Nhập bản gốc</h2>
      <p>
        Có sẵn văn bản dạng PDF, Word hoặc bản quét? <a href="/admin/nhap-ban-goc">Nhập bản gốc hàng loạt</a>: mỗi tệp thành một bản nháp, số, ký hiệu, ngày ban
        hành, trích yếu, người ký… được đọc từ tệp để biên tập viên đối chiếu.
      </p>
    </section>
  )
}
