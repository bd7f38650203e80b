-- r2: the national scorecard's definition per year (CONTRACT section 10): its groups, the criteria computed from an
-- indicator, and those not computed here with the data they need, as one JSON document per year (the shape of
-- GET /api/v1/scorecards/{year} without year and definitionYear). A year without one uses the latest earlier year's.
CREATE TABLE scorecard_definition (
    year        INTEGER     PRIMARY KEY,
    definition  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- 2024, as the contract's table (a public description of the portal's formulas, Decision 766/QĐ-TTg).
INSERT INTO scorecard_definition (year, definition, updated_at) VALUES (2024, '{
  "version": "766-2024.1",
  "groups": [
    { "id": "2", "name": { "vi": "Tiến độ giải quyết", "en": "Processing on time" }, "maxPoints": 20 },
    { "id": "3", "name": { "vi": "Dịch vụ công trực tuyến", "en": "Online public services" }, "maxPoints": 12 },
    { "id": "4", "name": { "vi": "Thanh toán trực tuyến", "en": "Online payment" }, "maxPoints": 10 },
    { "id": "5", "name": { "vi": "Số hóa hồ sơ", "en": "Digitization of dossiers" }, "maxPoints": 22 },
    { "id": "6", "name": { "vi": "Mức độ hài lòng", "en": "Satisfaction" }, "maxPoints": 18 }
  ],
  "criteria": [
    { "id": "2.1", "indicator": "processed-on-time", "maxPoints": 20, "fullAt": 100 },
    { "id": "3.1", "indicator": "fully-online-of-eligible", "maxPoints": 12, "fullAt": 100 },
    { "id": "4.1", "indicator": "fee-procedures-with-dossiers", "maxPoints": 2, "fullAt": 80 },
    { "id": "4.2", "indicator": "fee-procedures-paid-online", "maxPoints": 2, "fullAt": 80 },
    { "id": "4.3", "indicator": "dossiers-paid-online", "maxPoints": 6, "fullAt": 100 },
    { "id": "5.1", "indicator": "result-digitization", "maxPoints": 6, "fullAt": 100 },
    { "id": "5.2", "indicator": "dossier-and-result-digitized", "maxPoints": 4, "fullAt": 80 },
    { "id": "5.7", "indicator": "vneid-applicants", "maxPoints": 2, "fullAt": 100 },
    { "id": "6.4", "indicator": "handled-without-complaint", "maxPoints": 6, "fullAt": 90 }
  ],
  "notComputed": [
    { "id": "1", "name": { "vi": "Công khai, minh bạch", "en": "Publicity and transparency" }, "maxPoints": 18,
      "dataNeeded": { "vi": "Thủ tục hành chính được công bố, công khai và cập nhật đúng hạn, đầy đủ trên Cổng Dịch vụ công quốc gia; hồ sơ được đồng bộ đầy đủ lên Cổng Dịch vụ công quốc gia",
                      "en": "Procedures published and updated on the National Public Service Portal on time and completely; dossiers synchronised to the portal" } },
    { "id": "5.3-5.6", "name": { "vi": "Cấp bản sao điện tử có chứng thực, tái sử dụng dữ liệu số hóa, kho quản lý dữ liệu điện tử cá nhân, thủ tục khai thác dữ liệu công dân",
                                 "en": "Certified e-copies, reuse of digitized data, the personal data store, procedures using citizen data" }, "maxPoints": 10,
      "dataNeeded": { "vi": "Số bản sao điện tử được chứng thực từ bản chính; số hồ sơ tái sử dụng dữ liệu, giấy tờ đã số hóa; dữ liệu trong kho quản lý dữ liệu điện tử của tổ chức, cá nhân trên Cổng Dịch vụ công quốc gia; số thủ tục khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư",
                      "en": "Certified electronic copies issued from originals; dossiers reusing digitized data and documents; documents in the personal data stores on the national portal; procedures drawing on the national population database" } },
    { "id": "6.1-6.3", "name": { "vi": "Tiếp nhận, xử lý phản ánh, kiến nghị và đánh giá của người dân, doanh nghiệp",
                                 "en": "Citizens'' feedback and its handling" }, "maxPoints": 12,
      "dataNeeded": { "vi": "Phản ánh, kiến nghị, đánh giá của người dân, doanh nghiệp và kết quả, thời hạn xử lý, công khai kết quả trên Cổng Dịch vụ công quốc gia",
                      "en": "Citizens'' and businesses'' feedback, complaints and assessments, and how and when each was handled and answered publicly, from the national portal" } }
  ]
}', now());
