-- A message may carry one uploaded file (image, video, audio or any file). The file row lives in
-- the file module's table; sharing it into the conversation is recorded there (file_shares).
ALTER TABLE messages ADD COLUMN file_id CHAR(24);
