/**
 * Vietnamese phrase banks for the search benchmark (NFC). The publish-to-live corpus
 * (bench/publish-to-live/corpus.ts) gives every item its skeleton: type, number, issuer, date, status,
 * title and summary. Its banks are small (about 640 distinct folded words over 10 k items, 280 of
 * them in more than 10% of the items), which would make every query word match thousands of items.
 * Real party documents mix a small set of very common words (đảng, cán bộ, nghị quyết, chi bộ…)
 * with a long tail of topical words, place and person names, crops, projects and numbers. These
 * banks supply that tail: terms per subject, places, people, named projects, and sentence
 * templates for document bodies and attachments. Everything is made up for measuring only.
 */

/** Subjects exactly as bench/publish-to-live/corpus.ts names them (SUBJECTS). */
export type SubjectName =
  | 'Xây dựng Đảng'
  | 'Tổ chức - Cán bộ'
  | 'Kiểm tra - Giám sát'
  | 'Tư tưởng - Văn hóa'
  | 'Dân vận'
  | 'Kinh tế - Xã hội'
  | 'Quốc phòng - An ninh'
  | 'Đối ngoại'
  | 'Chuyển đổi số'
  | 'Khoa học - Công nghệ'
  | 'Giáo dục - Đào tạo'
  | 'Y tế - Dân số'
  | 'Nông nghiệp - Nông thôn'
  | 'Phòng, chống tham nhũng'
  | 'Văn phòng cấp ủy'

/**
 * Specific terms per subject, most common first: the generator picks them with Zipf weights
 * (rank r has weight 1/r), so the first terms of a list are frequent and the last ones rare.
 */
export const SUBJECT_TERMS: Record<SubjectName, string[]> = {
  'Xây dựng Đảng': [
    'sinh hoạt chi bộ', 'kết nạp đảng viên', 'đảng viên dự bị', 'chuyển đảng chính thức', 'đảng phí', 'sinh hoạt chuyên đề',
    'tự phê bình và phê bình', 'huy hiệu Đảng', 'thẻ đảng viên', 'hồ sơ kết nạp', 'lớp bồi dưỡng nhận thức về Đảng', 'quần chúng ưu tú',
    'đảng viên sinh hoạt nơi cư trú', 'chi bộ thôn, bản', 'bí thư chi bộ kiêm trưởng thôn', 'biên bản sinh hoạt chi bộ',
    'đảng viên được miễn sinh hoạt', 'lý lịch của người xin vào Đảng', 'tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước',
    'chi bộ ghép', 'xóa thôn, bản chưa có đảng viên', 'người có uy tín trong đồng bào dân tộc thiểu số', 'sổ theo dõi đảng viên',
    'chuyển sinh hoạt đảng tạm thời', 'giấy giới thiệu sinh hoạt đảng', 'đảng viên đi lao động ở nước ngoài', 'truy tặng huy hiệu',
  ],
  'Tổ chức - Cán bộ': [
    'quy hoạch cán bộ', 'luân chuyển cán bộ', 'bổ nhiệm lại', 'tinh giản biên chế', 'vị trí việc làm', 'sắp xếp đơn vị hành chính cấp xã',
    'chính quyền địa phương hai cấp', 'miễn nhiệm', 'từ chức', 'thi tuyển chức danh lãnh đạo', 'cán bộ dự nguồn', 'khung năng lực',
    'nghỉ hưu trước tuổi', 'chính sách thu hút người có tài năng', 'trí thức trẻ tình nguyện', 'người hoạt động không chuyên trách',
    'bảo vệ chính trị nội bộ', 'phụ cấp cấp ủy viên', 'điều động, biệt phái', 'hồ sơ cán bộ điện tử', 'thôi việc theo nguyện vọng',
    'cán bộ dám nghĩ, dám làm, dám chịu trách nhiệm', 'khuyến khích và bảo vệ cán bộ năng động, sáng tạo', 'định biên',
  ],
  'Kiểm tra - Giám sát': [
    'kỷ luật đảng', 'dấu hiệu vi phạm', 'giám sát chuyên đề', 'khiển trách', 'cảnh cáo', 'cách chức', 'khai trừ', 'tố cáo',
    'khiếu nại kỷ luật', 'thu, nộp đảng phí', 'kê khai tài sản, thu nhập', 'tạm đình chỉ sinh hoạt đảng', 'đơn thư nặc danh',
    'những điều đảng viên không được làm', 'xung đột lợi ích', 'kiểm tra tài chính đảng', 'thời hiệu kỷ luật', 'giám sát thường xuyên',
    'đình chỉ sinh hoạt cấp ủy', 'kiểm tra viên', 'sổ tay nghiệp vụ kiểm tra', 'quy trình xem xét thi hành kỷ luật',
  ],
  'Tư tưởng - Văn hóa': [
    'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'bảo vệ nền tảng tư tưởng của Đảng', 'thông tin xấu độc',
    'dư luận xã hội', 'không gian mạng', 'mạng xã hội', 'tin giả', 'điển hình tiên tiến', 'gia đình văn hóa', 'lễ hội truyền thống',
    'di tích lịch sử', 'nhà văn hóa thôn', 'báo cáo viên', 'tuyên truyền miệng', 'cổng thông tin điện tử', 'Zalo', 'Facebook',
    'văn hóa công sở', 'bản sắc văn hóa dân tộc', 'khèn Mông', 'múa xòe', 'hát then', 'chợ phiên', 'trang phục truyền thống',
    'diễn biến hòa bình', 'tự diễn biến', 'tự chuyển hóa', 'chủ nghĩa Mác - Lênin',
  ],
  'Dân vận': [
    'Dân vận khéo', 'quy chế dân chủ ở cơ sở', 'tiếp xúc cử tri', 'Mặt trận Tổ quốc', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ',
    'Đoàn Thanh niên', 'Hội Cựu chiến binh', 'công đoàn', 'hương ước, quy ước', 'hòa giải ở cơ sở', 'người có uy tín',
    'tôn giáo', 'đồng bào Công giáo', 'chức sắc tôn giáo', 'di dân tự do', 'đối thoại trực tiếp', 'tổ tự quản',
    'Ngày hội Đại đoàn kết toàn dân tộc', 'phản biện xã hội', 'giám sát đầu tư của cộng đồng', 'khu dân cư kiểu mẫu',
  ],
  'Kinh tế - Xã hội': [
    'giảm nghèo bền vững', 'thu hút đầu tư', 'giải ngân vốn đầu tư công', 'thu ngân sách', 'cải cách thủ tục hành chính',
    'giải phóng mặt bằng', 'khu công nghiệp', 'du lịch cộng đồng', 'homestay', 'kinh tế cửa khẩu', 'xuất khẩu', 'hạ tầng giao thông',
    'cao tốc', 'nhà ở xã hội', 'xóa nhà tạm, nhà dột nát', 'thủy điện', 'khai thác khoáng sản', 'quỹ đất', 'đấu giá quyền sử dụng đất',
    'chỉ số năng lực cạnh tranh cấp tỉnh', 'doanh nghiệp nhỏ và vừa', 'kinh tế tư nhân', 'logistics', 'sạt lở đất', 'lũ quét',
    'biến đổi khí hậu', 'rác thải sinh hoạt', 'nước sạch nông thôn', 'điện lưới quốc gia', 'bảo hiểm xã hội tự nguyện',
  ],
  'Quốc phòng - An ninh': [
    'khu vực phòng thủ', 'dân quân tự vệ', 'gọi công dân nhập ngũ', 'diễn tập', 'biên giới', 'cột mốc', 'đường mòn, lối mở',
    'buôn lậu', 'gian lận thương mại', 'ma túy', 'tội phạm công nghệ cao', 'lừa đảo qua mạng', 'an toàn giao thông',
    'phòng cháy, chữa cháy', 'tổ bảo vệ an ninh, trật tự ở cơ sở', 'công an chính quy', 'xuất cảnh trái phép', 'mua bán người',
    'vũ khí, vật liệu nổ', 'thế trận biên phòng toàn dân', 'hậu phương quân đội', 'tìm kiếm, cứu nạn',
  ],
  'Đối ngoại': [
    'ngoại giao nhân dân', 'kết nghĩa', 'Vân Nam', 'Quảng Tây', 'tỉnh Luông Nậm Tha', 'tỉnh Phông Sa Lỳ', 'hội chợ thương mại quốc tế',
    'cửa khẩu quốc tế', 'biên bản ghi nhớ', 'viện trợ phi chính phủ', 'ODA', 'người Việt Nam ở nước ngoài', 'đoàn ra, đoàn vào',
    'hợp tác lao động', 'lưu học sinh Lào', 'phân giới cắm mốc', 'xúc tiến đầu tư', 'FDI', 'APEC', 'ASEAN',
  ],
  'Chuyển đổi số': [
    'chữ ký số', 'dịch vụ công trực tuyến', 'cơ sở dữ liệu đảng viên', 'Đề án 06', 'VNeID', 'định danh điện tử', 'thanh toán không dùng tiền mặt',
    'mã QR', 'tổ công nghệ số cộng đồng', 'điện toán đám mây', 'trí tuệ nhân tạo', 'an toàn thông tin mạng', 'phần mềm quản lý văn bản',
    'hội nghị truyền hình', 'kho dữ liệu dùng chung', 'thương mại điện tử', 'sàn thương mại điện tử', 'Wi-Fi công cộng', 'cáp quang',
    'phủ sóng 4G', 'nền tảng số', 'học liệu số', 'bệnh án điện tử', 'sổ sức khỏe điện tử', 'smartphone', 'ứng dụng di động', 'chatbot',
  ],
  'Khoa học - Công nghệ': [
    'đổi mới sáng tạo', 'đề tài khoa học', 'sở hữu trí tuệ', 'chỉ dẫn địa lý', 'nhãn hiệu tập thể', 'khởi nghiệp', 'chuyển giao công nghệ',
    'công nghệ sinh học', 'giống cây trồng mới', 'nuôi cấy mô', 'nhà kính', 'tưới nhỏ giọt', 'năng lượng tái tạo', 'điện mặt trời mái nhà',
    'hội đồng nghiệm thu', 'sáng kiến kinh nghiệm', 'tiêu chuẩn đo lường chất lượng', 'phòng thí nghiệm', 'vườn ươm doanh nghiệp',
  ],
  'Giáo dục - Đào tạo': [
    'lý luận chính trị', 'trung cấp lý luận chính trị', 'cao cấp lý luận chính trị', 'trường chính trị tỉnh', 'trung tâm chính trị',
    'phổ cập giáo dục', 'trường phổ thông dân tộc bán trú', 'học sinh bỏ học', 'sáp nhập điểm trường', 'trường chuẩn quốc gia',
    'chương trình giáo dục phổ thông 2018', 'sách giáo khoa', 'giáo viên hợp đồng', 'bữa ăn bán trú', 'đào tạo nghề cho lao động nông thôn',
    'học bổng', 'tiếng Anh', 'xóa mù chữ', 'giáo dục STEM', 'khuyến học, khuyến tài',
  ],
  'Y tế - Dân số': [
    'bảo hiểm y tế', 'trạm y tế xã', 'tiêm chủng mở rộng', 'sốt xuất huyết', 'bệnh lao', 'HIV/AIDS', 'suy dinh dưỡng thấp còi',
    'mất cân bằng giới tính khi sinh', 'tảo hôn', 'hôn nhân cận huyết thống', 'người cao tuổi', 'y tế dự phòng', 'an toàn thực phẩm',
    'ngộ độc thực phẩm', 'bác sĩ gia đình', 'khám sức khỏe định kỳ', 'thuốc thiết yếu', 'dịch cúm', 'COVID-19', 'vắc xin',
    'tầm soát ung thư', 'sức khỏe sinh sản', 'sàng lọc trước sinh',
  ],
  'Nông nghiệp - Nông thôn': [
    'nông thôn mới', 'sản phẩm OCOP', 'hợp tác xã nông nghiệp', 'cây quế', 'chè Shan tuyết', 'cây ăn quả', 'chuối', 'dứa', 'lúa chất lượng cao',
    'ngô', 'dược liệu', 'sâm Lai Châu', 'tam thất', 'thảo quả', 'chăn nuôi lợn', 'dịch tả lợn châu Phi', 'trâu, bò', 'cá nước lạnh', 'cá hồi',
    'cá tầm', 'trồng rừng', 'bảo vệ rừng', 'chi trả dịch vụ môi trường rừng', 'mã số vùng trồng', 'truy xuất nguồn gốc', 'VietGAP',
    'hữu cơ', 'dồn điền, đổi thửa', 'kiên cố hóa kênh mương', 'thủy lợi', 'khuyến nông', 'liên kết chuỗi giá trị', 'mận tam hoa', 'lê',
    'đào', 'hoa hồng', 'rau an toàn', 'mắc ca', 'cây hồi', 'cây chè', 'gạo Séng Cù', 'nếp cái hoa vàng',
  ],
  'Phòng, chống tham nhũng': [
    'tham nhũng vặt', 'lãng phí', 'tiêu cực', 'kiểm soát tài sản, thu nhập', 'thu hồi tài sản', 'nhũng nhiễu', 'lợi ích nhóm',
    'đấu thầu', 'mua sắm công', 'thanh tra', 'kiểm toán', 'chuyển đổi vị trí công tác', 'quà tặng', 'tài sản công', 'trụ sở dôi dư',
    'Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực', 'án tham nhũng', 'giám định', 'bảo vệ người tố cáo',
  ],
  'Văn phòng cấp ủy': [
    'thể thức văn bản', 'văn thư, lưu trữ', 'bảo vệ bí mật nhà nước', 'chế độ báo cáo', 'lịch công tác', 'quy chế làm việc', 'chương trình công tác toàn khóa',
    'tài liệu mật', 'con dấu', 'mạng thông tin diện rộng của Đảng', 'số hóa hồ sơ', 'phông lưu trữ', 'tiếp công dân', 'tài chính đảng',
    'kinh phí hoạt động', 'trang thiết bị', 'xe ô tô công', 'giao ban', 'sổ tay đảng viên điện tử',
  ],
}

/** Communes, wards and villages (made-up province, real-sounding names): the rarest words. */
export const PLACES = [
  'xã Hòa Phong', 'phường Nam Cường', 'thôn Đông Hòa', 'xã Tân Lập', 'xã Minh An', 'phường Bình Minh', 'xã Sơn Thủy', 'bản Nà Khương',
  'xã Khánh Yên', 'phường Kim Tân', 'xã Phú Nhuận', 'xã Bản Lầu', 'xã Tả Van', 'xã Mường Khương', 'xã Pha Long', 'xã Lùng Phình',
  'xã Cốc San', 'xã Làng Giàng', 'xã Võ Lao', 'xã Nậm Xé', 'xã Dương Quỳ', 'xã Thẩm Dương', 'xã Bảo Hà', 'thị trấn Phố Lu', 'xã Xuân Quang',
  'xã Gia Phú', 'xã Thái Niên', 'xã Sơn Hải', 'khu công nghiệp Tằng Loỏng', 'xã Phong Niên', 'xã Bắc Hà', 'xã Na Hối', 'xã Lùng Cải',
  'xã Si Ma Cai', 'xã Bát Xát', 'xã Quang Kim', 'xã Trịnh Tường', 'xã Y Tý', 'xã A Mú Sung', 'xã Bản Vược', 'phường Cam Đường',
  'phường Pom Hán', 'phường Bắc Cường', 'phường Duyên Hải', 'phường Cốc Lếu', 'phường Kim Thành', 'xã Nghĩa Đô', 'xã Vĩnh Yên', 'xã Tân Dương',
  'xã Việt Tiến', 'xã Điện Quan', 'xã Kim Sơn', 'xã Long Phúc', 'xã Lương Sơn', 'xã Xuân Hòa', 'xã Tân Tiến', 'xã Hợp Thành', 'xã Ngũ Chỉ Sơn',
  'xã Mường Hum', 'xã Dền Sáng', 'xã Sàng Ma Sáo', 'xã Cán Cấu', 'xã Lử Thẩn', 'xã Thải Giàng Phố', 'xã Hoàng Thu Phố', 'xã Tả Củ Tỷ',
  'xã Nậm Lúc', 'xã Bản Liền', 'xã Cốc Ly', 'xã Nậm Mòn', 'xã Minh Lương', 'xã Dần Thàng', 'xã Nậm Chầy', 'xã Thẳm Dương', 'xã Chiềng Ken',
  'xã Liêm Phú', 'xã Nậm Tha', 'xã Khánh Hạ', 'xã Tân An', 'xã Tân Thượng', 'xã Yên Sơn', 'xã Cam Cọn', 'xã Việt Thành', 'xã Phúc Khánh',
  'bản Mạ', 'bản Phiêng Lầu', 'thôn Khe Mụ', 'thôn Làng Lếch', 'thôn Cóc Lầy', 'bản Pắc Bo', 'thôn Nà Rịa', 'thôn Tân Thành', 'tổ dân phố Lý Tự Trọng',
  'tổ dân phố số 7', 'tổ dân phố Hồng Hà', 'phường Sa Pa', 'xã Mường Bo', 'xã Thanh Bình', 'xã Ô Quý Hồ', 'xã Hầu Thào', 'xã Trung Chải',
]

export const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Phan', 'Lò', 'Hà', 'Đinh', 'Giàng', 'Sùng', 'Thào', 'Vàng', 'Lục', 'Nông', 'Triệu', 'Chảo', 'Tẩn']
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Quang', 'Ngọc', 'Xuân', 'Thu', 'Hồng', 'Kim', 'Công', 'Đình', 'A', 'Seo', 'Mí', 'Láo', 'Phương', 'Bảo']
export const GIVEN_NAMES = [
  'An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc',
  'Phương', 'Quân', 'Sơn', 'Tâm', 'Thành', 'Thảo', 'Thắng', 'Trung', 'Tuấn', 'Vân', 'Việt', 'Yến', 'Chư', 'Páo', 'Sử', 'Pủ', 'Chinh', 'Dế',
  'Lềnh', 'Súa', 'Mỷ', 'Ly', 'Hiếu', 'Kiên', 'Luyến', 'Nhung', 'Quyết', 'Thủy', 'Toản', 'Vinh', 'Xuyến', 'Ánh',
]

export const ROLES = [
  'Bí thư Chi bộ', 'Phó Bí thư Đảng ủy', 'Chủ tịch Ủy ban nhân dân xã', 'Trưởng thôn', 'Chủ tịch Hội Nông dân xã', 'Chủ tịch Ủy ban Mặt trận Tổ quốc xã',
  'Bí thư Đoàn xã', 'Trưởng Công an xã', 'Chỉ huy trưởng Quân sự xã', 'Trưởng trạm y tế', 'Hiệu trưởng', 'Giám đốc hợp tác xã', 'Ủy viên Ban Thường vụ',
  'Trưởng ban Tổ chức', 'Chủ nhiệm Ủy ban Kiểm tra', 'Chánh Văn phòng', 'Tổ trưởng tổ dân phố', 'Công chức văn phòng - thống kê',
]

/** Named works, programmes and events: phrases with words found nowhere else. */
export const PROJECTS = [
  'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi', 'cao tốc Nội Bài - Lào Cai',
  'đường nối Sa Pa - Bát Xát', 'cầu Kim Thành 2', 'hồ chứa nước Bản Mồng', 'khu kinh tế cửa khẩu', 'chợ biên giới Mường Khương',
  'Nhà máy thủy điện Nậm Chiến', 'Trường Phổ thông Dân tộc nội trú tỉnh', 'Bệnh viện Đa khoa tỉnh', 'Quỹ Vì người nghèo', 'phong trào "Tết vì người nghèo"',
  'cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam"', 'mô hình "Chi bộ bốn tốt"', 'mô hình "Mỗi đảng viên một việc làm cụ thể"',
  'Lễ hội Xuống đồng', 'Lễ hội Gầu Tào', 'Lễ hội Đền Thượng', 'Hội chợ OCOP', 'Giải việt dã Sa Pa', 'Tuần Văn hóa - Du lịch', 'Đề án 1 triệu ha lúa chất lượng cao',
  'dự án trồng 1 tỷ cây xanh', 'đợt thi đua cao điểm', 'Giải Búa liềm vàng', 'cuộc thi "Tìm hiểu lịch sử Đảng bộ tỉnh"', 'Hội thi Bí thư chi bộ giỏi',
]

/** Connecting phrases and sentence templates of document bodies. {term} {place} {person} {role} {n} {pct} {money} {date} {year} {project} {org} {dept}. */
export const BODY_SENTENCES = [
  'Quán triệt sâu sắc chủ trương của Đảng về {term}, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị.',
  'Tập trung lãnh đạo, chỉ đạo thực hiện {term} tại {place}, phấn đấu đến năm {year} đạt {pct}% kế hoạch.',
  'Rà soát, đánh giá thực trạng {term}; xác định rõ nguyên nhân của những hạn chế, yếu kém.',
  'Bố trí {money} triệu đồng từ ngân sách và nguồn xã hội hóa cho {term}.',
  'Lựa chọn {place} làm điểm, rút kinh nghiệm trước khi nhân rộng.',
  'Đồng chí {person}, {role}, được phân công trực tiếp theo dõi, đôn đốc việc triển khai {term}.',
  'Tổ chức hội nghị sơ kết {n} năm thực hiện {term}, biểu dương các tập thể, cá nhân tiêu biểu.',
  'Gắn việc thực hiện {term} với {term2}, bảo đảm đồng bộ, thống nhất.',
  'Phát huy vai trò của {dept} trong tuyên truyền, vận động Nhân dân tham gia {term}.',
  'Kiểm tra, giám sát việc thực hiện tại {place} và {place2}; kịp thời chấn chỉnh những thiếu sót.',
  'Trong năm {year}, toàn Đảng bộ có {n} chi bộ đăng ký xây dựng mô hình về {term}.',
  'Lồng ghép các nguồn vốn của {project} để hỗ trợ {term}.',
  'Đến ngày {date}, đã có {n} hộ gia đình tham gia, đạt {pct}% chỉ tiêu.',
  'Các chi bộ đưa nội dung {term} vào sinh hoạt chi bộ thường kỳ ít nhất một lần trong quý.',
  'Cán bộ, đảng viên phải gương mẫu đi đầu, vận động gia đình và Nhân dân nơi cư trú cùng thực hiện.',
  'Khắc phục tình trạng nói nhiều làm ít, triển khai chậm, thiếu kiểm tra, đôn đốc.',
  'Định kỳ {period}, {dept} tổng hợp kết quả, báo cáo {org}.',
  'Ưu tiên hỗ trợ đồng bào dân tộc thiểu số ở {place} tiếp cận {term}.',
  'Xử lý nghiêm tập thể, cá nhân thiếu trách nhiệm, để xảy ra sai phạm trong {term}.',
  'Tham mưu sửa đổi, bổ sung cơ chế, chính sách về {term} phù hợp với điều kiện thực tế của địa phương.',
  'Nhân rộng kinh nghiệm của {place} về {term}; tổ chức tham quan, học tập trao đổi giữa các chi bộ.',
  'Ứng dụng {term2} trong quản lý, theo dõi việc thực hiện {term}.',
  'Đề nghị UBND {place} chỉ đạo các ngành liên quan phối hợp triển khai {term}.',
  'Các chỉ tiêu về {abbr} và {abbr} được đưa vào đánh giá, xếp loại cuối năm.',
  'Hỗ trợ {n} hộ ở {hamlet} và {hamlet} tham gia {term}.',
  'Tổ công tác do đồng chí {person} làm tổ trưởng khảo sát thực tế tại {hamlet}.',
]

export const SECTION_HEADINGS = [
  ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. TỔ CHỨC THỰC HIỆN'],
  ['I. TÌNH HÌNH VÀ KẾT QUẢ', 'II. HẠN CHẾ, NGUYÊN NHÂN', 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'],
  ['Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng', 'Điều 2. Nội dung', 'Điều 3. Trách nhiệm thi hành'],
  ['1. Quan điểm', '2. Mục tiêu', '3. Nhiệm vụ, giải pháp chủ yếu', '4. Tổ chức thực hiện'],
]

export const DEPARTMENTS = [
  'Ban Tổ chức', 'Ủy ban Kiểm tra', 'Ban Tuyên giáo và Dân vận', 'Văn phòng cấp ủy', 'Đảng ủy các cơ quan Đảng', 'Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
  'các cấp ủy, tổ chức đảng trực thuộc', 'Đảng ủy Ủy ban nhân dân tỉnh', 'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh',
]
export const PERIODS = ['6 tháng một lần', 'hằng quý', 'hằng năm', 'định kỳ cuối năm', 'hằng tháng']

/** Attachment (phụ lục) row templates: lists of units, people and figures. */
export const ATTACHMENT_ROWS = [
  '{i}. {place}: {n} chi bộ, {n2} đảng viên; kết quả {pct}%; ghi chú: {term}.',
  '{i}. Đồng chí {person}, {role}, {place}.',
  '{i}. {term}: kế hoạch {n} hộ, thực hiện {n2} hộ, kinh phí {money} triệu đồng.',
  '{i}. Chi bộ {place}: xếp loại {grade}; {n} đảng viên hoàn thành xuất sắc nhiệm vụ.',
  '{i}. Chi bộ {hamlet}: {n} đảng viên, bí thư {person}; {term}: {pct}%.',
  '{i}. Hộ ông (bà) {person}, {hamlet}: hỗ trợ {money} nghìn đồng.',
]
export const GRADES = ['hoàn thành xuất sắc nhiệm vụ', 'hoàn thành tốt nhiệm vụ', 'hoàn thành nhiệm vụ', 'không hoàn thành nhiệm vụ']

/**
 * Syllables of hamlet (thôn, bản, tổ) names, which attachments and news list by the dozen: two of
 * them make a name, so a province has thousands of names and the index a long tail of rare words.
 */
export const NAME_SYLLABLES = [
  'Nà', 'Khuổi', 'Nặm', 'Pác', 'Phìn', 'Ngòi', 'Chản', 'Sín', 'Chéng', 'Xèo', 'Cóc', 'Mìn', 'Lếch', 'Khoang', 'Vạch', 'Quẩn', 'Trà', 'Giáp',
  'Thuổng', 'Khuyên', 'Nghé', 'Ngoan', 'Phạ', 'Pản', 'Hẩu', 'Chà', 'Kho', 'Thèn', 'Choán', 'Sủng', 'Sảng', 'Hầu', 'Quán', 'Ngán', 'Chải', 'Tổng',
  'Lùng', 'Tà', 'Dìn', 'Páo', 'Sán', 'Pả', 'Chồ', 'Suối', 'Thầu', 'Thàng', 'Xá', 'Phù', 'Lếnh', 'Xỉ', 'Vược', 'Xuyên', 'Khuất', 'Thẳm', 'Ngoải',
  'Toòng', 'Loỏng', 'Lìu', 'Khiêu', 'Nhuần', 'Oanh', 'Quýnh', 'Khuê', 'Uyên', 'Gioóc', 'Loòng', 'Bó', 'Pèng', 'Khẻ', 'Coóc', 'Mạ', 'Phiêng',
  'Luông', 'Hỏm', 'Noong', 'Cuổi', 'Nưa', 'Kéo', 'Vài', 'Thắm', 'Đon', 'Púng', 'Nhùng', 'Sông', 'Vèn', 'Tấu', 'Xín', 'Chư', 'Sừ', 'Dền', 'Thền',
  'Cán', 'Cấu', 'Mản', 'Thẩn', 'Ván', 'Hoàng', 'Lồ', 'Sì', 'Pao', 'Sẻ', 'Lừ', 'Nhiều', 'Cù', 'Ngải', 'Thầu', 'Vác', 'Giàng', 'Chéo', 'Khẩu',
  'Khuân', 'Ma', 'Lao', 'Chảy', 'Quang', 'Mường', 'Vi', 'Hùng', 'Bắc', 'Ngầm', 'Đồn', 'Điền', 'Ải', 'Tiên', 'Nguyên', 'Phai', 'Đoỏng', 'Già',
  'Pịa', 'Sáng', 'Tùng', 'Cốc', 'Mười', 'Kim', 'Ngọc', 'Mai', 'Lũng', 'Pù', 'Tà', 'Chỉ', 'Sơn', 'Thượng', 'Hạ', 'Trung', 'Tả', 'Hữu',
  'Lục', 'Nhạc', 'Ươi', 'Ổ', 'Dạo', 'Dốc', 'Khe', 'Lèn', 'Quăng', 'Thoong', 'Hoỏng', 'Vĩnh', 'Chiềng', 'Phúng', 'Liềng', 'Nghiêm', 'Khoai', 'Xoóng',
]
export const HAMLET_PREFIXES = ['thôn', 'bản', 'tổ dân phố', 'làng', 'khu', 'xóm']

/** Abbreviations as typed in administrative text: each a word of its own for the index. */
export const ABBREVIATIONS = [
  'UBND', 'HĐND', 'MTTQ', 'BCĐ', 'THCS', 'THPT', 'GRDP', 'PCI', 'PAPI', 'SIPAS', 'CCHC', 'BHYT', 'BHXH', 'NTM', 'KT-XH', 'QP-AN', 'ANTT', 'HTX',
  'CNTT', 'ĐTM', 'GPMB', 'TĐC', 'KCN', 'CCN', 'TTHC', 'DVC', 'LLCT', 'BCH', 'BTV', 'UBKT', 'CBCCVC', 'ĐVHC',
]

/** More given names, mostly of the Mông, Dao, Tày, Thái and Giáy peoples: rare words, many of one letter pair. */
export const MORE_GIVEN_NAMES = [
  'Phử', 'Lở', 'Mẩy', 'Pao', 'Chứ', 'Dìn', 'Lử', 'Quẩy', 'Sàng', 'Tả', 'Chin', 'Cở', 'Dính', 'Già', 'Hờ', 'Khua', 'Lồng', 'Mua', 'Nhìa', 'Pó',
  'Say', 'Sểnh', 'Thào', 'Vảng', 'Xà', 'Chảo', 'Kiều', 'Lưu', 'Mỵ', 'Nguyệt', 'Oanh', 'Quyên', 'Thoa', 'Tươi', 'Uyển', 'Xiêm', 'Bẩy', 'Chọn',
  'Doanh', 'Đoàn', 'Hiền', 'Huệ', 'Khuyên', 'Lịch', 'Mến', 'Nguyện', 'Phấn', 'Quỳnh', 'Sinh', 'Thiết', 'Trọng', 'Ưng', 'Vượng', 'Xoan',
]
